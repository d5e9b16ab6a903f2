import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../../common/prng.js';
import { CapAlertBook } from '../../../../hub/sources/cap/cap-alerts.js';
import { readCapFeed } from '../../../../hub/sources/cap/cap-feed.js';
import { parseCap } from '../../../../hub/sources/cap/parse-cap.js';
import { FieldPointSchema } from '../../../../hub/sources/config.js';
import { mapPoint, toNumber } from '../../../../hub/sources/points.js';
import { mutate, randomValue } from '../../../support/fuzz.js';

// Every source parser fed 10,000 generated inputs from a fixed seed: each answers ok or a message,
// never throws, and what it accepts is a valid wall value.

const N = 10_000;
const SAMPLE = fs.readFileSync('config/sources/samples/cap-lu-song-huong.xml', 'utf8');
const PIECES = ['<', '>', '</', '<!DOCTYPE x>', '<!ENTITY a "b">', '&amp;', '&lol;', '&#x0;', '<info>', '</info>', '<area><polygon>1,2 3,4</polygon></area>', ']]>', '<![CDATA[', '"', "'", '\u0000', 'Lũ', '<alert>', '<msgType>Cancel</msgType>', '<references>a,b,c</references>', '<circle>16,107 9999</circle>', '<expires>2000-01-01T00:00:00+07:00</expires>'];

function mutateText(rnd: Random, text: string): string {
  let out = text;
  for (let n = rnd.int(1, 4); n > 0; n--) {
    const at = rnd.int(0, out.length);
    const op = rnd.int(0, 3);
    if (op === 0) out = out.slice(0, at) + out.slice(at + rnd.int(1, 40));
    else if (op === 1) out = out.slice(0, at) + rnd.pick(PIECES) + out.slice(at);
    else if (op === 2) out = out.slice(0, at) + String.fromCharCode(rnd.int(0, 0x2fff)) + out.slice(at + 1);
    else out = out.slice(0, at) + out.slice(at, at + rnd.int(1, 200)).repeat(rnd.int(2, 5)) + out.slice(at);
  }
  return out;
}

describe('source parsers under fuzz (seeded)', () => {
  it(`CAP: ${N} mutated alerts`, () => {
    const rnd = createRandom(15_001);
    const book = new CapAlertBook();
    let accepted = 0;
    for (let i = 0; i < N; i++) {
      const r = parseCap(mutateText(rnd, SAMPLE), 512 * 1024);
      if (r.ok) {
        accepted++;
        book.apply(r.alert, 0);
        expect(book.alertsValue().items.length).toBeLessThanOrEqual(200);
      } else expect(typeof r.message).toBe('string');
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(N);
  });

  it(`CAP feeds: ${N} mutated Atom and RSS documents`, () => {
    const rnd = createRandom(15_002);
    const atom = '<feed><entry><id>a</id><updated>x</updated><link href="/cap/a.xml"/></entry><entry><id>b</id><content><alert><identifier>i</identifier></alert></content></entry></feed>';
    const rss = '<rss><channel><item><guid>r</guid><link>http://127.0.0.1/r.xml</link><enclosure url="javascript:alert(1)"/></item></channel></rss>';
    for (let i = 0; i < N; i++) {
      const r = readCapFeed(mutateText(rnd, rnd.chance(0.5) ? atom : rss), 64 * 1024, 'http://127.0.0.1/feed');
      if (r.ok) for (const e of r.entries) expect(e.url === null || /^https?:\/\//.test(e.url)).toBe(true);
    }
  });

  it(`JSON points (HTTP, MQTT): ${N} generated documents`, () => {
    const rnd = createRandom(15_003);
    const points = [
      FieldPointSchema.parse({ path: '/a/b', to: { kind: 'kpi', key: 'kpi.a', unit: 'm', max: 100 } }),
      FieldPointSchema.parse({ path: '$.a[0]', to: { kind: 'gauge', key: 'gauges.x', station: { id: 'g{1}', name: 'G', river: 'R', lat: 16, lon: 107, alarmM: [1, 2, 3] } } }),
      FieldPointSchema.parse({ path: '', to: { kind: 'series', key: 'series.{1}', unit: 'mm' } }),
      FieldPointSchema.parse({ path: '/v', to: { kind: 'value', key: 'alerts.x' } }),
    ];
    const base = { a: { b: 5 }, v: { type: 'alerts', items: [] } };
    let ok = 0;
    for (let i = 0; i < N; i++) {
      const doc = rnd.chance(0.5) ? mutate(rnd, base) : randomValue(rnd);
      const levels = rnd.chance(0.8) ? [String(randomValue(rnd)).slice(0, 30)] : [];
      for (const p of points) {
        const r = mapPoint(p, doc, { at: 1000, levels, current: () => undefined });
        if (r.ok) ok++;
        else expect(r.message.length).toBeGreaterThan(0);
      }
      const n = toNumber(rnd.chance(0.5) ? String(randomValue(rnd)) : randomValue(rnd));
      if (n.ok) expect(Number.isFinite(n.value)).toBe(true);
    }
    expect(ok).toBeGreaterThan(0);
  });
});
