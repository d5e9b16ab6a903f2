import type { Language } from '../state.js';

// Why a camera shows no picture, in words an operator can act on. Input is the shape of an hls.js
// ErrorData (common/ cannot import hls.js; the detail strings are its ErrorDetails values).

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

function codecName(codec: string | undefined): string | null {
  if (!codec) return null;
  if (/^(hvc1|hev1)/i.test(codec) || /hevc|265/i.test(codec)) return 'HEVC/H.265';
  if (/^(avc1|avc3)/i.test(codec)) return 'H.264';
  if (/^av01/i.test(codec)) return 'AV1';
  return codec;
}

/** One plain line for the overlay under "Mất tín hiệu". */
export function failureMessage(failure: Pick<MediaFailure, 'kind' | 'httpStatus' | 'codec'>, language: Language): string {
  const vi = language === 'vi';
  const status = failure.httpStatus ?? 0;
  switch (failure.kind) {
    case 'not-found': return vi ? `Không tìm thấy luồng (${status})` : `Stream not found (${status})`;
    case 'forbidden': return vi ? `Không được phép xem luồng (${status})` : `Access to the stream refused (${status})`;
    case 'server-error': return vi ? `Máy chủ camera báo lỗi (${status})` : `Camera server error (${status})`;
    case 'unreachable': return vi ? 'Không kết nối được tới máy chủ camera' : 'Camera server unreachable';
    case 'timeout': return vi ? 'Máy chủ camera không phản hồi (quá thời gian chờ)' : 'Camera server not responding (timed out)';
    case 'bad-playlist': return vi ? 'Danh sách phát không hợp lệ' : 'Invalid playlist';
    case 'corrupt': return vi ? 'Dữ liệu hình bị hỏng' : 'Corrupt video data';
    case 'unsupported': {
      const name = codecName(failure.codec);
      const what = name ? ` (${name})` : '';
      return vi ? `Định dạng không hỗ trợ${what}` : `Unsupported format${what}`;
    }
    case 'stall': return vi ? 'Hình bị đứng: không nhận được khung hình mới' : 'Picture frozen: no new frames';
    case 'other': return vi ? 'Lỗi phát video' : 'Playback error';
  }
}

/** "12 giây" / "3 phút 05 giây" since the last frame, ticking on the overlay. */
export function formatSince(ms: number, language: Language): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (language === 'vi') {
    if (h > 0) return `${h} giờ ${pad(m)} phút`;
    return m > 0 ? `${m} phút ${pad(s)} giây` : `${s} giây`;
  }
  if (h > 0) return `${h} h ${pad(m)} min`;
  return m > 0 ? `${m} min ${pad(s)} s` : `${s} s`;
}
