import { parseSafeXml, xmlText } from './safe-xml.js';

// An Atom or RSS feed of CAP alerts: each entry either carries the <alert> inline (Atom <content>)
// or links to it (Atom <link href>, RSS <link> or <enclosure url>). Returns the entries newest first.

export interface FeedEntry {
  /** Entry id (with its update time), to fetch each version once. */
  key: string;
  inline: unknown;
  url: string | null;
}

export function readCapFeed(xml: string, maxBytes: number, base: string): { ok: true; entries: FeedEntry[] } | { ok: false; message: string } {
  const read = parseSafeXml(xml, maxBytes);
  if (!read.ok) return read;
  const doc = read.doc as Record<string, Record<string, unknown> | undefined>;
  const atom = doc.feed;
  const rss = doc.rss?.channel as Record<string, unknown> | undefined;
  const raw = atom ? atom.entry : rss ? rss.item : undefined;
  if (!atom && !rss) return { ok: false, message: 'neither an Atom <feed> nor an RSS <rss><channel>' };
  const entries: FeedEntry[] = [];
  for (const e of (Array.isArray(raw) ? raw : []).slice(0, 200)) {
    if (!e || typeof e !== 'object') continue;
    const entry = e as Record<string, unknown>;
    const id = xmlText(entry.id) ?? xmlText(entry.guid) ?? '';
    const updated = xmlText(entry.updated) ?? xmlText(entry.pubDate) ?? '';
    const content = entry.content as Record<string, unknown> | undefined;
    const inline = content && typeof content === 'object' ? content.alert : undefined;
    const links = Array.isArray(entry.link) ? (entry.link as unknown[]) : [];
    const href = links.map((l) => (l && typeof l === 'object' ? (l as Record<string, unknown>)['@href'] : xmlText(l))).find((h): h is string => typeof h === 'string' && h.length > 0);
    const enclosure = entry.enclosure && typeof entry.enclosure === 'object' ? (entry.enclosure as Record<string, unknown>)['@url'] : undefined;
    const link = href ?? (typeof enclosure === 'string' ? enclosure : null);
    let url: string | null = null;
    if (link) {
      try {
        const u = new URL(link, base);
        if (u.protocol === 'http:' || u.protocol === 'https:') url = u.href;
      } catch {
        url = null;
      }
    }
    if (!inline && !url) continue;
    entries.push({ key: `${id || url || ''}|${updated}`, inline, url });
  }
  return { ok: true, entries };
}
