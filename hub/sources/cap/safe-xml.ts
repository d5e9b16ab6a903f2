import { XMLParser, XMLValidator } from 'fast-xml-parser';

// XML from outside (CAP alerts, Atom/RSS feeds) read without entity expansion: a DOCTYPE or ENTITY
// declaration is refused outright (billion laughs, external entities), the parser's entity processing
// is off, and only XML's five predefined entities and character references are decoded, once.

const ARRAYS = new Set(['info', 'area', 'polygon', 'circle', 'geocode', 'parameter', 'eventCode', 'resource', 'entry', 'item', 'link', 'responseType']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAYS.has(name),
});

export type XmlResult = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

export function parseSafeXml(xml: string, maxBytes: number): XmlResult {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) return { ok: false, message: `the XML (${bytes} bytes) is larger than maxBytes ${maxBytes}` };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, message: 'the XML declares a DOCTYPE or ENTITY, which is refused (entity expansion is off)' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, message: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  try {
    const doc: unknown = parser.parse(xml);
    if (!doc || typeof doc !== 'object') return { ok: false, message: 'the XML has no element' };
    return { ok: true, doc: doc as Record<string, unknown> };
  } catch (err) {
    return { ok: false, message: `cannot read the XML: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an element with XML's predefined entities and character references decoded (nothing else). */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === 'string') return decode(value);
  if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)['#text'] === 'string') return decode((value as Record<string, string>)['#text'] ?? '');
  return undefined;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
