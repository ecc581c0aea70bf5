import type { MessageKey } from '../messages/vi';

/** The figures of R-STA-1 the dashboard shows, in the order of its table and CSV. */
export const FIGURE_KEYS = ['received', 'processing', 'resolvedOnTime', 'resolvedLate', 'rejected', 'returned', 'onlineShare', 'averageProcessingDays'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
/** The counts (the chart draws these; shares and averages have other units). */
export const COUNT_KEYS = ['received', 'processing', 'resolvedOnTime', 'resolvedLate', 'rejected', 'returned'] as const satisfies readonly FigureKey[];

export const GROUPINGS = ['NONE', 'AGENCY', 'PROCEDURE', 'FIELD', 'CHANNEL', 'DAY', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export type Figures = Record<FigureKey, number | null>;
export interface FiguresRow {
  group: string | null;
  figures: Figures;
}

export const figureLabel = (key: FigureKey): MessageKey => `figure.${key}`;

/** The selection of dossierFigures behind every figures table (the page, a report's rows). */
export const FIGURES_FIELDS = `group figures { ${FIGURE_KEYS.join(' ')} }`;

export const FIGURES_QUERY = `query DashboardFigures($from: String!, $to: String!, $groupBy: FiguresGrouping) {
  dossierFigures(from: $from, to: $to, groupBy: $groupBy) { ${FIGURES_FIELDS} }
}`;
