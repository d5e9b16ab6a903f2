import type { DataValue } from '../../../common/protocol/data.js';

export type Alert = Extract<DataValue, { type: 'alerts' }>['items'][number];
export type Severity = Alert['severity'];

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, danger: 2, critical: 3 };
export const SEVERITY_COLOURS: Record<Severity, string> = { info: '#4ea8de', warning: '#ffb020', danger: '#ff7b39', critical: '#ff3b3b' };

/** Alerts at or above `min`, most severe first, then newest first. */
export function shownAlerts(items: readonly Alert[], min: Severity, max = Infinity): Alert[] {
  return items
    .filter((a) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[min])
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.at - a.at)
    .slice(0, max);
}

/** Where the ticker's text starts (px from the panel's left edge) at `now`: driven by the clock, so every
 * screen showing part of a ticker puts the text at the same canvas position without talking to the others. */
export function tickerOffset(now: number, speedPxPerS: number, panelWidth: number, textWidth: number): number {
  const loop = panelWidth + textWidth;
  if (loop <= 0) return 0;
  const travelled = ((now / 1000) * speedPxPerS) % loop;
  return panelWidth - travelled;
}
