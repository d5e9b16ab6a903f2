import { describe, expect, it } from 'vitest';
import { classifyMediaError, failureMessage, formatSince } from '../../../common/media/media-failure.js';

const net = (details: string, httpStatus?: number) => ({ type: 'networkError', details, fatal: true, ...(httpStatus === undefined ? {} : { httpStatus }) });

describe('classifyMediaError', () => {
  it('tells a missing stream from an unreachable host', () => {
    expect(classifyMediaError(net('manifestLoadError', 404))).toMatchObject({ kind: 'not-found', httpStatus: 404 });
    expect(classifyMediaError(net('levelLoadError', 410))).toMatchObject({ kind: 'not-found', httpStatus: 410 });
    expect(classifyMediaError(net('manifestLoadError', 0)).kind).toBe('unreachable');
    expect(classifyMediaError(net('fragLoadError')).kind).toBe('unreachable');
    expect(classifyMediaError(net('levelLoadTimeOut')).kind).toBe('timeout');
    expect(classifyMediaError(net('manifestLoadError', 403)).kind).toBe('forbidden');
    expect(classifyMediaError(net('fragLoadError', 502))).toMatchObject({ kind: 'server-error', httpStatus: 502 });
  });

  it('calls unparseable segments corrupt', () => {
    expect(classifyMediaError({ type: 'mediaError', details: 'fragParsingError', fatal: true, reason: 'Failed to find demuxer by probing fragment data' }).kind).toBe('corrupt');
    expect(classifyMediaError({ type: 'mediaError', details: 'bufferAppendError', fatal: true }).kind).toBe('corrupt');
    expect(classifyMediaError({ type: 'networkError', details: 'levelParsingError', fatal: true }).kind).toBe('bad-playlist');
  });

  it('names the codec the browser refused', () => {
    const hevc = classifyMediaError({ type: 'mediaError', details: 'bufferAddCodecError', fatal: true, mimeType: 'video/mp4;codecs=hvc1.1.6.L93.B0' });
    expect(hevc).toMatchObject({ kind: 'unsupported', codec: 'hvc1.1.6.L93.B0' });
    expect(classifyMediaError({ type: 'mediaError', details: 'manifestIncompatibleCodecsError', fatal: true }).kind).toBe('unsupported');
    const parsing = classifyMediaError({ type: 'mediaError', details: 'fragParsingError', fatal: true, reason: 'Unsupported HEVC in MPEG-TS' });
    expect(parsing.kind).toBe('unsupported');
  });

  it('leaves stalls and unknown errors distinct', () => {
    expect(classifyMediaError({ type: 'mediaError', details: 'bufferStalledError', fatal: false }).kind).toBe('stall');
    expect(classifyMediaError({ type: 'otherError', details: 'internalException', fatal: true }).kind).toBe('other');
  });
});

describe('failureMessage', () => {
  it('says each failure plainly in Vietnamese and English', () => {
    expect(failureMessage({ kind: 'not-found', httpStatus: 404 }, 'vi')).toBe('Không tìm thấy luồng (404)');
    expect(failureMessage({ kind: 'not-found', httpStatus: 404 }, 'en')).toBe('Stream not found (404)');
    expect(failureMessage({ kind: 'unsupported', codec: 'hvc1.1.6.L93.B0' }, 'vi')).toBe('Định dạng không hỗ trợ (HEVC/H.265)');
    expect(failureMessage({ kind: 'unsupported', codec: 'hvc1.1.6.L93.B0' }, 'en')).toBe('Unsupported format (HEVC/H.265)');
    expect(failureMessage({ kind: 'unsupported' }, 'vi')).toBe('Định dạng không hỗ trợ');
    expect(failureMessage({ kind: 'unreachable' }, 'vi')).toBe('Không kết nối được tới máy chủ camera');
    expect(failureMessage({ kind: 'corrupt' }, 'en')).toBe('Corrupt video data');
    const kinds = ['not-found', 'forbidden', 'server-error', 'unreachable', 'timeout', 'bad-playlist', 'corrupt', 'unsupported', 'stall', 'other'] as const;
    const vi = kinds.map((kind) => failureMessage({ kind, httpStatus: 500 }, 'vi'));
    expect(new Set(vi).size).toBe(kinds.length);
  });
});

describe('formatSince', () => {
  it('counts seconds, then minutes, then hours', () => {
    expect(formatSince(12_400, 'vi')).toBe('12 giây');
    expect(formatSince(185_000, 'vi')).toBe('3 phút 05 giây');
    expect(formatSince(3_725_000, 'vi')).toBe('1 giờ 02 phút');
    expect(formatSince(12_400, 'en')).toBe('12 s');
    expect(formatSince(-50, 'en')).toBe('0 s');
  });
});
