// Why a camera shows no picture, as kinds an operator can act on (the page has the words for each).
// Input is the shape of an hls.js ErrorData (common/ cannot import hls.js; the detail strings are its ErrorDetails values).

export type MediaFailureKind =
  | 'not-found'
  | 'forbidden'
  | 'server-error'
  | 'unreachable'
  | 'timeout'
  | 'bad-playlist'
  | 'corrupt'
  | 'unsupported'
  | 'stall'
  | 'other';

export interface MediaFailure {
  kind: MediaFailureKind;
  httpStatus?: number;
  /** Codec the browser refused, e.g. "hvc1.1.6.L93.B0". */
  codec?: string;
  /** The player's own detail string, for logs. */
  detail: string;
}

export interface PlayerErrorInfo {
  type: string;
  details: string;
  fatal: boolean;
  /** HTTP status of the failed load; 0 or absent when no response arrived. */
  httpStatus?: number;
  /** Mime type or codec string that the media stack refused, when known. */
  mimeType?: string;
  reason?: string;
}

const LOAD_ERRORS = new Set(['manifestLoadError', 'levelLoadError', 'fragLoadError', 'keyLoadError', 'audioTrackLoadError', 'subtitleTrackLoadError']);
const TIMEOUTS = new Set(['manifestLoadTimeOut', 'levelLoadTimeOut', 'fragLoadTimeOut', 'keyLoadTimeOut', 'audioTrackLoadTimeOut', 'subtitleTrackLoadTimeOut']);
const PLAYLIST_ERRORS = new Set(['manifestParsingError', 'levelParsingError', 'levelEmptyError']);
const CORRUPT_ERRORS = new Set(['fragParsingError', 'bufferAppendError', 'bufferAppendingError', 'remuxAllocError', 'fragDecryptError']);
const CODEC_ERRORS = new Set(['manifestIncompatibleCodecsError', 'bufferAddCodecError', 'bufferIncompatibleCodecsError']);
const CODEC_WORDS = /\b(hvc1|hev1|hevc|h\.?265|codec)/i;

function codecOf(info: PlayerErrorInfo): string | undefined {
  const source = `${info.mimeType ?? ''} ${info.reason ?? ''}`;
  return /codecs="?([A-Za-z0-9.]+)/.exec(source)?.[1] ?? /\b((?:hvc1|hev1|avc1|avc3|vp09|av01|mp4a)[A-Za-z0-9.]*)/.exec(source)?.[1];
}

export function classifyMediaError(info: PlayerErrorInfo): MediaFailure {
  const { details } = info;
  const base = { detail: details };
  if (LOAD_ERRORS.has(details)) {
    const status = info.httpStatus ?? 0;
    if (status === 0) return { ...base, kind: 'unreachable' };
    if (status === 404 || status === 410) return { ...base, kind: 'not-found', httpStatus: status };
    if (status === 401 || status === 403) return { ...base, kind: 'forbidden', httpStatus: status };
    return { ...base, kind: 'server-error', httpStatus: status };
  }
  if (TIMEOUTS.has(details)) return { ...base, kind: 'timeout' };
  if (CODEC_ERRORS.has(details)) return { ...base, kind: 'unsupported', ...optional('codec', codecOf(info)) };
  if (CORRUPT_ERRORS.has(details)) {
    // A demuxer that meets a codec it cannot handle reports a parsing error naming the codec.
    if (CODEC_WORDS.test(info.reason ?? '')) return { ...base, kind: 'unsupported', ...optional('codec', codecOf(info)) };
    return { ...base, kind: 'corrupt' };
  }
  if (PLAYLIST_ERRORS.has(details)) return { ...base, kind: 'bad-playlist' };
  if (details === 'bufferStalledError') return { ...base, kind: 'stall' };
  return { ...base, kind: 'other' };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** The family a person knows a codec string by ("hvc1.1.6.L93.B0" is HEVC/H.265), for the overlay's words. */
export function codecName(codec: string | undefined): string | null {
  if (!codec) return null;
  if (/^(hvc1|hev1)/i.test(codec) || /hevc|265/i.test(codec)) return 'HEVC/H.265';
  if (/^(avc1|avc3)/i.test(codec)) return 'H.264';
  if (/^av01/i.test(codec)) return 'AV1';
  return codec;
}
