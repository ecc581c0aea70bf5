import { useState } from 'react';
import { FiguresChart } from '../components/FiguresChart';
import { FiguresTable } from '../components/FiguresTable';
import { Problem } from '../components/Problem';
import { saveBlob, toCsv } from '../lib/download';
import { FIGURE_KEYS, FIGURES_QUERY, figureLabel, GROUPINGS, type FiguresRow, type Grouping } from '../lib/figures';
import { useGroupLabel } from '../lib/group-label';
import { useI18n } from '../lib/i18n';
import { PERIOD_KINDS, periodRange, quarterOf, quarterStart, vietnamToday, type PeriodKind } from '../lib/period';
import { useQuery } from '../lib/use-query';

/** R-STA-1: the figures of a period, grouped, as dossierFigures answers them, charted and exportable. */
export function FiguresPage() {
  const { t, day } = useI18n();
  const [kind, setKind] = useState<PeriodKind>('MONTH');
  const [anchor, setAnchor] = useState(vietnamToday);
  const [groupBy, setGroupBy] = useState<Grouping>('AGENCY');
  const { from, to } = periodRange(kind, anchor);
  const { data, error, loading } = useQuery<{ dossierFigures: FiguresRow[] }>(FIGURES_QUERY, { from, to, groupBy });
  const groupLabel = useGroupLabel(groupBy);
  const rows = data?.dossierFigures ?? [];

  const exportCsv = () => {
    // Numbers as the graph answered them (shares 0–1, a dot for decimals), so a spreadsheet reads them as numbers.
    const csv = toCsv([[t('figures.group'), ...FIGURE_KEYS.map((k) => t(figureLabel(k)))], ...rows.map((r) => [groupLabel(r.group), ...FIGURE_KEYS.map((k) => r.figures[k])])]);
    // A byte-order mark, so spreadsheet programs read the Vietnamese as UTF-8.
    saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), `figures-${from}-${to}-${groupBy.toLowerCase()}.csv`);
  };

  return (
    <section>
      <h1>{t('figures.title')}</h1>
      <form className="controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('figures.period')}
          <select value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)} data-testid="period-kind">
            {PERIOD_KINDS.map((k) => <option key={k} value={k}>{t(`period.${k}`)}</option>)}
          </select>
        </label>
        <PeriodInput kind={kind} anchor={anchor} onChange={setAnchor} />
        <label>
          {t('figures.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)} data-testid="group-by">
            {GROUPINGS.map((g) => <option key={g} value={g}>{t(`grouping.${g}`)}</option>)}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={!rows.length} data-testid="figures-csv">{t('figures.csv')}</button>
      </form>
      <p className="range" data-testid="figures-range" data-from={from} data-to={to}>
        {t('figures.range', { from: day(from), to: day(to) })}
      </p>
      <Problem error={error} />
      {!loading && !error && !rows.length && <p>{t('figures.empty')}</p>}
      {rows.length > 0 && (
        <>
          <FiguresChart rows={rows} groupLabel={groupLabel} />
          <FiguresTable rows={rows} groupLabel={groupLabel} />
        </>
      )}
    </section>
  );
}

/** The day, month, quarter or year to show, as one YYYY-MM-DD day within it. */
function PeriodInput({ kind, anchor, onChange }: { kind: PeriodKind; anchor: string; onChange(day: string): void }) {
  const { t } = useI18n();
  const year = Number(anchor.slice(0, 4));
  const setYear = (y: number) => Number.isInteger(y) && y > 1999 && y < 2200 && onChange(`${y}${anchor.slice(4)}`);
  switch (kind) {
    case 'DAY':
      return <input type="date" value={anchor} required onChange={(e) => e.target.value && onChange(e.target.value)} data-testid="period-value" aria-label={t('period.DAY')} />;
    case 'MONTH':
      return <input type="month" value={anchor.slice(0, 7)} required onChange={(e) => e.target.value && onChange(`${e.target.value}-01`)} data-testid="period-value" aria-label={t('period.MONTH')} />;
    case 'QUARTER':
      return (
        <>
          <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="period-value" aria-label={t('period.YEAR')} />
          <select value={quarterOf(anchor)} onChange={(e) => onChange(quarterStart(year, Number(e.target.value)))} data-testid="period-quarter" aria-label={t('figures.quarter')}>
            {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{t('figures.quarterLabel', { q })}</option>)}
          </select>
        </>
      );
    case 'YEAR':
      return <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="period-value" aria-label={t('period.YEAR')} />;
  }
}
