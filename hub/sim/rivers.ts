import type { DataEntry } from '../../common/protocol/data.js';
import { alarmLevel, levelM, rainfallMmPerHour, STATIONS } from './flood-timeline.js';
import type { Feed, Tick } from './tick.js';

// River gauges, rainfall and the alerts they raise.

const SERIES_POINTS = 288;
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function riversFeed(): Feed {
  const levelSeries = new Map<string, Array<[number, number]>>();
  const rainSeries: Array<[number, number]> = [];
  let rain24: Array<{ at: number; mm: number }> = [];
  let lastHours: number | null = null;

  return (tick: Tick): DataEntry[] => {
    const stepH = lastHours === null ? 0 : Math.max(0, tick.hours - lastHours);
    lastHours = tick.hours;
    const rainNow = Math.max(0, rainfallMmPerHour(tick.hours) * (1 + 0.15 * tick.rnd.gaussian()));
    rain24 = [...rain24.filter((r) => tick.simTime - r.at < 24 * 3600_000), { at: tick.simTime, mm: rainNow * stepH }];
    push(rainSeries, [tick.simTime, round(rainNow, 1)]);

    const gauges = STATIONS.map((s) => {
      const level = round(levelM(s, tick.hours) + 0.02 * tick.rnd.gaussian(), 2);
      const series = levelSeries.get(s.id) ?? [];
      push(series, [tick.simTime, level]);
      levelSeries.set(s.id, series);
      return { id: s.id, name: s.name, river: s.river, lat: s.lat, lon: s.lon, levelM: level, alarmM: s.alarmM, rainfallMm: round(rainNow, 1), at: tick.now };
    });

    const alerts = gauges
      .map((g) => ({ g, level: alarmLevel(g.levelM, g.alarmM) }))
      .filter(({ level }) => level > 0)
      .map(({ g, level }) => ({
        id: `gauge-${g.id}`,
        severity: level === 3 ? ('critical' as const) : level === 2 ? ('danger' as const) : ('warning' as const),
        title: { vi: `Sông ${g.river} tại ${g.name}: báo động ${'I'.repeat(level)} (${g.levelM.toFixed(2)} m)`, en: `${g.river} river at ${g.name}: alarm level ${'I'.repeat(level)} (${g.levelM.toFixed(2)} m)` },
        area: g.name,
        at: tick.now,
      }));
    if (rainNow >= 50) {
      alerts.unshift({ id: 'heavy-rain', severity: 'danger', title: { vi: `Mưa rất to: ${rainNow.toFixed(0)} mm/giờ`, en: `Very heavy rain: ${rainNow.toFixed(0)} mm/h` }, area: 'Toàn tỉnh', at: tick.now });
    }

    const rainTotal = rain24.reduce((sum, r) => sum + r.mm, 0);
    return [
      { key: 'gauges.rivers', value: { type: 'gauges', items: gauges }, at: tick.now },
      ...STATIONS.map((s): DataEntry => ({
        key: `series.level.${s.id}`,
        value: { type: 'series', unit: 'm', label: { vi: `Mực nước ${s.name}`, en: `Water level, ${s.name}` }, points: [...(levelSeries.get(s.id) ?? [])] },
        at: tick.now,
      })),
      { key: 'series.rainfall.coast', value: { type: 'series', unit: 'mm/h', label: { vi: 'Lượng mưa', en: 'Rainfall' }, points: [...rainSeries] }, at: tick.now },
      { key: 'kpi.flood.rainfall-24h', value: { type: 'kpi', value: round(rainTotal, 0), unit: 'mm', label: { vi: 'Lượng mưa 24 giờ', en: 'Rainfall, 24 h' }, periodS: 3600 }, at: tick.now },
      { key: 'alerts.active', value: { type: 'alerts', items: alerts.slice(0, 200) }, at: tick.now },
    ];
  };
}

function push(series: Array<[number, number]>, point: [number, number]): void {
  series.push(point);
  if (series.length > SERIES_POINTS) series.splice(0, series.length - SERIES_POINTS);
}
