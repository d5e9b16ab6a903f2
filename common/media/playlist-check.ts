// What a probe's answer says about a camera (recovery-plan.ts): a media playlist with at least one
// segment can be played; a master playlist must be followed to its first variant; anything else cannot.

export type PlaylistCheck =
  | { kind: 'media'; segments: number }
  | { kind: 'master'; variant: string }
  | { kind: 'invalid'; reason: string };

export function checkPlaylist(text: string): PlaylistCheck {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0]?.replace(/^\uFEFF/, '') !== '#EXTM3U') return { kind: 'invalid', reason: 'does not start with #EXTM3U' };
  const inf = lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF'));
  if (inf >= 0) {
    const variant = lines.slice(inf + 1).find((l) => l !== '' && !l.startsWith('#'));
    return variant ? { kind: 'master', variant } : { kind: 'invalid', reason: 'a variant has no URI' };
  }
  const segments = lines.filter((l) => l.startsWith('#EXTINF')).length;
  return segments > 0 ? { kind: 'media', segments } : { kind: 'invalid', reason: 'no segment listed' };
}
