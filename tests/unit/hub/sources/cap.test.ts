import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CapAlertBook, wallLevel } from '../../../../hub/sources/cap/cap-alerts.js';
import { readCapFeed } from '../../../../hub/sources/cap/cap-feed.js';
import { parseCap } from '../../../../hub/sources/cap/parse-cap.js';

const SAMPLE = fs.readFileSync('config/sources/samples/cap-lu-song-huong.xml', 'utf8');
const CANCEL = fs.readFileSync('config/sources/samples/cap-lu-song-huong-huy.xml', 'utf8');
const MAX = 512 * 1024;
const NOW = Date.parse('2026-12-07T09:00:00Z');

function parsed(xml: string) {
  const r = parseCap(xml, MAX);
  if (!r.ok) throw new Error(r.message);
  return r.alert;
}

describe('CAP 1.2', () => {
  it('reads the repo sample: both languages, areas as rings, expiry', () => {
    const a = parsed(SAMPLE);
    expect(a).toMatchObject({ identifier: 'VN-KTTV-TTH-2026-0712', status: 'Actual', msgType: 'Alert', sent: Date.parse('2026-12-07T08:00:00Z') });
    expect(a.infos.map((i) => i.language)).toEqual(['vi-VN', 'en-US']);
    expect(a.infos[0]?.areas[0]?.rings[0]?.[0]).toEqual([107.5, 16.4]);
    expect(a.infos[0]?.areas[1]?.rings[0]).toHaveLength(33);
    const book = new CapAlertBook();
    expect(book.apply(a, NOW)).toMatch(/^added/);
    const [item] = book.alertsValue().items;
    expect(item).toMatchObject({ severity: 'danger', title: { vi: 'Cảnh báo lũ khẩn cấp trên sông Hương, báo động III tại Kim Long', en: 'Emergency flood warning on the Huong river, alarm level III at Kim Long' } });
    expect(item?.area).toBe('Vùng trũng ven sông Hương, TP Huế; Hạ lưu phá Tam Giang');
    expect(book.areasValue().items).toHaveLength(2);
  });

  it('withdraws an alert on its Cancel and replaces it on an Update', () => {
    const book = new CapAlertBook();
    book.apply(parsed(SAMPLE), NOW);
    expect(book.apply(parsed(CANCEL), NOW)).toMatch(/^cancelled/);
    expect(book.active()).toEqual([]);
    expect(book.apply(parsed(SAMPLE), NOW)).toBeNull(); // a late copy of the cancelled alert stays out
    const book2 = new CapAlertBook();
    book2.apply(parsed(SAMPLE), NOW);
    const update = SAMPLE.replace('VN-KTTV-TTH-2026-0712', 'VN-KTTV-TTH-2026-0714').replace('<msgType>Alert</msgType>', '<msgType>Update</msgType><references>canhbao@kttv-thuathienhue.gov.vn,VN-KTTV-TTH-2026-0712,2026-12-07T15:00:00+07:00</references>').replaceAll('<severity>Severe</severity>', '<severity>Extreme</severity>');
    expect(book2.apply(parsed(update), NOW)).toMatch(/^updated/);
    expect(book2.active().map((a) => [a.identifier, a.level])).toEqual([['VN-KTTV-TTH-2026-0714', 'critical']]);
  });

  it('honours expires', () => {
    const book = new CapAlertBook();
    const soon = SAMPLE.replaceAll('2030-12-31T23:00:00+07:00', '2026-12-07T17:00:00+07:00');
    book.apply(parsed(soon), NOW);
    expect(book.nextExpiry()).toBe(Date.parse('2026-12-07T10:00:00Z'));
    expect(book.expire(Date.parse('2026-12-07T10:00:01Z'))).toBe(true);
    expect(book.active()).toEqual([]);
    expect(book.apply(parsed(soon.replace('0712', '0799')), Date.parse('2026-12-08T00:00:00Z'))).toBeNull();
  });

  it('maps severity, urgency and certainty to the wall levels', () => {
    expect(wallLevel({ severity: 'Extreme', urgency: 'Immediate', certainty: 'Observed' })).toBe('critical');
    expect(wallLevel({ severity: 'Extreme', urgency: 'Future', certainty: 'Likely' })).toBe('danger');
    expect(wallLevel({ severity: 'Moderate', urgency: 'Expected', certainty: 'Possible' })).toBe('info');
    expect(wallLevel({ severity: 'Minor', urgency: 'Immediate', certainty: 'Observed' })).toBe('info');
  });

  it.each([
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><alert>&lol2;</alert>', /DOCTYPE or ENTITY/],
    ['external entity', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><alert><identifier>&x;</identifier></alert>', /DOCTYPE or ENTITY/],
    ['malformed', '<alert><identifier>x</alert>', /not well-formed XML at line 1/],
    ['oversized', `<alert>${'a'.repeat(MAX)}</alert>`, /larger than maxBytes/],
    ['not CAP', '<feed/>', /no CAP <alert>/],
    ['no sent', SAMPLE.replace(/<sent>.*<\/sent>/, ''), /<alert> has no <sent>/],
    ['bad date', SAMPLE.replace('2026-12-07T15:00:00+07:00', 'hôm qua'), /<sent> "hôm qua" is not a CAP date-time/],
    ['bad severity', SAMPLE.replace('<severity>Severe</severity>', '<severity>Rất nặng</severity>'), /<info> 1: <severity> "Rất nặng"/],
    ['bad polygon', SAMPLE.replace('16.40,107.50 16.52', '16.40,107.50 916.52'), /<polygon>: "916.52,107.50" is not a "lat,lon" pair/],
    ['Cancel without references', CANCEL.replace(/<references>.*<\/references>/, ''), /a Cancel needs <references>/],
  ])('refuses %s with a clear error', (_name, xml, error) => {
    const r = parseCap(xml, MAX);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(error);
  });

  it('decodes the predefined entities once and nothing else', () => {
    const a = parsed(SAMPLE.replace('Lũ trên sông Hương', 'Lũ &amp;lt; &#272;&#x1EA1;'));
    expect(a.infos[0]?.event).toBe('Lũ &lt; Đạ');
  });

  it('reads Atom and RSS feeds of CAP entries', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a1</id><updated>2026-12-07T08:00:00Z</updated><link href="/cap/a1.xml"/></entry><entry><id>a2</id><content type="text/xml">${SAMPLE.replace(/<\?xml[^>]*>/, '').replace(/<!--[\s\S]*?-->/, '')}</content></entry></feed>`;
    const r = readCapFeed(atom, MAX, 'http://127.0.0.1:9/feed.atom');
    expect(r.ok && r.entries.map((e) => [e.url, Boolean(e.inline)])).toEqual([['http://127.0.0.1:9/cap/a1.xml', false], [null, true]]);
    const rss = '<rss version="2.0"><channel><item><guid>r1</guid><link>http://127.0.0.1:9/cap/r1.xml</link></item></channel></rss>';
    expect(readCapFeed(rss, MAX, 'http://127.0.0.1:9/').ok).toBe(true);
    expect(readCapFeed('<html/>', MAX, 'http://x/')).toMatchObject({ ok: false, message: expect.stringMatching(/neither an Atom/) });
  });
});
