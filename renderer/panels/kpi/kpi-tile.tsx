import { useEffect, useMemo, useRef } from 'react';
import type { KpiItem } from '../../../common/panels/kpi.js';
import { LEVEL_COLOURS, thresholdLevel } from '../../../common/panels/thresholds.js';
import type { Language } from '../../../common/state.js';
import { useDataKey } from '../../state/data-context.js';
import { useNow } from '../../ui/use-now.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { DataStatus } from '../shared/data-status.js';
import { StaleMark } from '../shared/stale-mark.js';
import { usePaintedMark } from '../shared/painted-mark.js';
import { Sparkline } from '../shared/sparkline.js';
import { formatNumber, formatTime, isStale, targetShare, warmFormatters } from './format-kpi.js';

const HISTORY = 240;

interface Props {
  item: KpiItem;
  language: Language;
  source?: string | undefined;
  sparkline: boolean;
  fontSize: number;
}

/** One indicator: value and unit in its threshold colour, target, trend, source, updated time, staleness. */
export function KpiTile({ item, language, source, sparkline, fontSize }: Props) {
  const view = useDataKey(item.key, 'kpi');
  const series = useDataKey(item.seriesKey ?? '', 'series');
  const now = useNow(5000);
  const trend = useTrend(view.status === 'ok' ? view.at : null, view.value?.value ?? null);
  const value = view.value;
  useEffect(() => warmFormatters(language), [language]);
  usePaintedMark('tc:kpi-painted', value ? { key: item.key, value: value.value, at: view.at } : null);

  if (view.status !== 'ok' || !value) {
    return (
      <div className="kpi" data-kpi-key={item.key} data-status={view.status} style={{ fontSize }}>
        <div className="kpi__label">{label(item, language) ?? item.key}</div>
        <DataStatus view={view} dataKey={item.key} want="kpi" language={language} />
      </div>
    );
  }
  const target = item.target ?? value.target;
  const level = thresholdLevel(value.value, item.thresholds);
  const stale = view.stale || isStale(view.at, item.periodS ?? value.periodS, now);
  const share = targetShare(value.value, target);
  const points = item.seriesKey && series.status === 'ok' ? series.value.points : null;
  const xs = points ? points.map((p) => p[0]) : trend.xs;
  const ys = points ? points.map((p) => p[1]) : trend.ys;
  const text = formatNumber(value.value, language, item.digits);
  return (
    <div className={`kpi kpi--${level}${stale ? ' kpi--stale' : ''}`} data-kpi-key={item.key} data-status="ok" data-level={level} data-stale={stale} style={{ fontSize }}>
      <div className="kpi__label">{label(item, language) ?? value.label?.[language] ?? item.key}</div>
      <div className="kpi__value" style={{ color: LEVEL_COLOURS[level] }}>
        <span className="kpi__number" data-testid="kpi-value">{text}</span>
        {value.unit && <span className="kpi__unit">{value.unit}</span>}
      </div>
      {target !== undefined && (
        <div className="kpi__target">
          {translate(language, 'kpi.target', { value: formatNumber(target, language, item.digits) })}
          {share !== null && <span> · {translate(language, 'kpi.ofTarget', { share })}</span>}
        </div>
      )}
      {sparkline && xs.length > 1 && <Sparkline xs={xs} ys={ys} color={LEVEL_COLOURS[level]} />}
      <div className="kpi__foot">
        {source && <span>{translate(language, 'data.source', { source })}</span>}
        <span>{translate(language, 'data.updated', { time: formatTime(view.at, now, language) })}</span>
        {stale && <span className="kpi__stale" data-testid="kpi-stale">{translate(language, 'data.stale')}</span>}
        <StaleMark at={view.at} language={language} />
      </div>
    </div>
  );
}

function label(item: KpiItem, language: Language): string | undefined {
  return inLanguage(language, item.label, item.labelEn);
}

/** Values this page has received for the key, for a trend when the feed has no series. */
function useTrend(at: number | null, value: number | null): { xs: number[]; ys: number[] } {
  const history = useRef<{ xs: number[]; ys: number[] }>({ xs: [], ys: [] });
  return useMemo(() => {
    const h = history.current;
    if (at === null || value === null || h.xs[h.xs.length - 1] === at) return h;
    const xs = [...h.xs, at].slice(-HISTORY);
    const ys = [...h.ys, value].slice(-HISTORY);
    history.current = { xs, ys };
    return history.current;
  }, [at, value]);
}
