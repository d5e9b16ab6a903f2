import { describe, expect, it } from 'vitest';
import { classifyMediaError } from '../../../common/media/media-failure.js';

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
