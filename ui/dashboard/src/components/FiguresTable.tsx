import { useI18n } from '../lib/i18n';
import { FIGURE_KEYS, figureLabel, type FigureKey, type FiguresRow } from '../lib/figures';

/**
 * The figures as a table, one row a group. Each cell carries the number exactly as dossierFigures
 * answered it in data-value (tests compare it), and shows it formatted for the chosen locale.
 */
export function FiguresTable({ rows, groupLabel, testId = 'figures-table' }: { rows: FiguresRow[]; groupLabel(group: string | null): string; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const show = (key: FigureKey, v: number | null) =>
    key === 'onlineShare' ? i18n.share(v) : key === 'averageProcessingDays' ? i18n.days(v) : v == null ? t('common.none') : i18n.integer(v);
  return (
    <table className="figures" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('figures.group')}</th>
          {FIGURE_KEYS.map((key) => (
            <th scope="col" key={key} className="number">{t(figureLabel(key))}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.group ?? ''} data-testid="figures-row" data-group={row.group ?? ''}>
            <th scope="row">{groupLabel(row.group)}</th>
            {FIGURE_KEYS.map((key) => (
              <td key={key} className="number" data-testid={`figure-${key}`} data-value={row.figures[key] ?? ''}>
                {show(key, row.figures[key])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
