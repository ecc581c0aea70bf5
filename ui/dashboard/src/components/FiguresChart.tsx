import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from '../lib/i18n';
import { COUNT_KEYS, figureLabel, type FiguresRow } from '../lib/figures';

// Only the parts of Chart.js a bar chart needs, so the rest is left out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS: Record<(typeof COUNT_KEYS)[number], string> = {
  received: '#1f5fa8',
  processing: '#8aa9cf',
  resolvedOnTime: '#2e8b57',
  resolvedLate: '#d9822b',
  rejected: '#b3261e',
  returned: '#6a4c93',
};

const shorten = (label: string) => (label.length > 42 ? `${label.slice(0, 41)}…` : label);

/** The counts of each group as grouped bars (Chart.js), labelled and numbered in the chosen locale. */
export function FiguresChart({ rows, groupLabel }: { rows: FiguresRow[]; groupLabel(group: string | null): string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { t, locale } = useI18n();
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        // A procedure's full name would turn the axis into a slanted paragraph; the table has it whole.
        labels: rows.map((r) => shorten(groupLabel(r.group))),
        datasets: COUNT_KEYS.map((key) => ({ label: t(figureLabel(key)), data: rows.map((r) => r.figures[key] ?? 0), backgroundColor: COLOURS[key] })),
      },
      options: {
        // Drawn at once: screenshots and tests see the final chart.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: locale === 'vi' ? 'vi-VN' : 'en-GB',
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [rows, groupLabel, t, locale]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={t('figures.chart')} data-testid="figures-chart" />
    </div>
  );
}
