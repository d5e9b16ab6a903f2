import { describe, expect, it } from 'vitest';
import { checkPlaylist } from '../../../common/media/playlist-check.js';

describe('checkPlaylist', () => {
  it('finds a live media playlist with segments playable', () => {
    const live = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:120\n#EXTINF:2.000,\nlive-120.ts\n#EXTINF:2.000,\nlive-121.ts\n';
    expect(checkPlaylist(live)).toEqual({ kind: 'media', segments: 2 });
    expect(checkPlaylist(`\uFEFF${live.replace(/\n/g, '\r\n')}`)).toEqual({ kind: 'media', segments: 2 });
  });

  it('names the first variant of a master playlist', () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n\nlow/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\nhigh/index.m3u8\n';
    expect(checkPlaylist(master)).toEqual({ kind: 'master', variant: 'low/index.m3u8' });
    expect(checkPlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n').kind).toBe('invalid');
  });

  it('refuses what a player could not start on', () => {
    expect(checkPlaylist('<html>gateway error</html>')).toEqual({ kind: 'invalid', reason: 'does not start with #EXTM3U' });
    expect(checkPlaylist('')).toEqual({ kind: 'invalid', reason: 'does not start with #EXTM3U' });
    // A live playlist the gateway has emptied while its camera is away.
    expect(checkPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n')).toEqual({ kind: 'invalid', reason: 'no segment listed' });
  });
});
