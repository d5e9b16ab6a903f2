// Growth per hour for the soak benchmark. Samples are taken after every scenario switch, so they come
// from five different layouts: the slope is fitted within each scenario (least squares with one level
// per scenario, a common slope), which compares like with like and uses every sample.

/** `samples`: [{ min, scenario, [key]: number }]. Slope per hour and its share of the mean level. */
export function growthPerHour(samples, key) {
  const groups = new Map();
  for (const s of samples) {
    if (!Number.isFinite(s[key])) continue;
    if (!groups.has(s.scenario)) groups.set(s.scenario, []);
    groups.get(s.scenario).push({ x: s.min / 60, y: s[key] });
  }
  let num = 0;
  let den = 0;
  let sum = 0;
  let n = 0;
  for (const points of groups.values()) {
    const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
    const my = points.reduce((a, p) => a + p.y, 0) / points.length;
    for (const p of points) {
      num += (p.x - mx) * (p.y - my);
      den += (p.x - mx) ** 2;
      sum += p.y;
      n++;
    }
  }
  const slope = den === 0 ? Number.NaN : num / den;
  const level = n ? sum / n : Number.NaN;
  return { slope, level, pct: (100 * slope) / level };
}
