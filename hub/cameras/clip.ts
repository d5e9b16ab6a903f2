// A committed clip as the simulator loops it: its segments (from the clip's VOD playlist) and timing.

export interface ClipSegment {
  uri: string;
  durationMs: number;
  /** Start of this segment from the start of the clip. */
  offsetMs: number;
}

export interface Clip {
  segments: ClipSegment[];
  /** fMP4 init segment (EXT-X-MAP), or null for MPEG-TS. */
  mapUri: string | null;
  loopMs: number;
  /** Extension the live segment names use, e.g. "ts" or "m4s". */
  extension: string;
}

const SAFE_URI = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Reads the clip's VOD playlist (as written by scripts/make-camera-clips.sh); throws on what it cannot loop. */
export function parseVodPlaylist(text: string): Clip {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== '#EXTM3U') throw new Error('not an HLS playlist (no #EXTM3U)');
  const segments: ClipSegment[] = [];
  let mapUri: string | null = null;
  let pending: number | null = null;
  let offsetMs = 0;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]+)"/.exec(line)?.[1];
      if (!uri || !SAFE_URI.test(uri)) throw new Error(`EXT-X-MAP URI must be a plain file name: ${line}`);
      mapUri = uri;
    } else if (line.startsWith('#EXTINF:')) {
      const seconds = Number.parseFloat(line.slice('#EXTINF:'.length));
      if (!(seconds > 0)) throw new Error(`bad segment duration: ${line}`);
      pending = Math.round(seconds * 1000);
    } else if (!line.startsWith('#')) {
      if (pending === null) throw new Error(`segment without #EXTINF: ${line}`);
      if (!SAFE_URI.test(line)) throw new Error(`segment URI must be a plain file name next to the playlist: ${line}`);
      segments.push({ uri: line, durationMs: pending, offsetMs });
      offsetMs += pending;
      pending = null;
    }
  }
  const first = segments[0];
  if (!first) throw new Error('playlist has no segments');
  const extension = first.uri.includes('.') ? first.uri.slice(first.uri.lastIndexOf('.') + 1) : 'ts';
  return { segments, mapUri, loopMs: offsetMs, extension };
}
