import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVodPlaylist } from '../../hub/cameras/clip.js';
import { loopsPerEra } from '../../hub/cameras/live-playlist.js';
import { retimeTs, tsTicks, tsTimestamps } from '../../hub/cameras/retime.js';
import { DEFAULT_MEDIA_DIR } from '../../hub/cameras/simulator.js';
import { startCameraServer, type CameraServer } from '../../hub/cameras/server.js';

const epochMs = Date.UTC(2025, 0, 1);
let clock = epochMs + 3_600_000;
let server: CameraServer;

beforeAll(async () => {
  server = await startCameraServer({ mediaDir: DEFAULT_MEDIA_DIR, now: () => clock, epochMs });
});
afterAll(() => server.close());

const vodText = (camera: string) => readFileSync(path.join(DEFAULT_MEDIA_DIR, camera, 'vod.m3u8'), 'utf8');
const clipSegments = (camera: string) => parseVodPlaylist(vodText(camera)).segments.length;
const get = (p: string, init?: RequestInit) => fetch(`${server.origin}${p}`, init);
const sequenceOf = (text: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1]);
const segmentNames = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));

describe('camera server over loopback', () => {
  it('lists the committed cameras with their Vietnamese names', async () => {
    const res = await get('/cameras');
    const cameras = (await res.json()) as Array<{ id: string; name: string; live: string }>;
    expect(cameras.find((c) => c.id === 'cau-song-han')).toMatchObject({ name: 'Cầu sông Hàn', live: '/cameras/cau-song-han/live.m3u8' });
    expect(cameras.map((c) => c.id)).toEqual(expect.arrayContaining(['cau-song-han-fmp4', 'hevc-demo', 'ubnd-tinh']));
  });

  it('advances the live playlist as the injected clock moves', async () => {
    const first = await (await get('/cameras/de-huu-ngan/live.m3u8')).text();
    clock += 4000;
    const later = await (await get('/cameras/de-huu-ngan/live.m3u8')).text();
    expect(sequenceOf(later)).toBe(sequenceOf(first) + 2);
    expect(segmentNames(later)).toHaveLength(5);
    expect(segmentNames(later).slice(0, 3)).toEqual(segmentNames(first).slice(2));
  });

  it('serves live segments as the clip bytes, timestamps moved on by the loops played, with media types and CORS', async () => {
    const playlist = await get('/cameras/nga-tu-le-duan/live.m3u8');
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers.get('access-control-allow-origin')).toBe('*');
    const name = segmentNames(await playlist.text()).at(-1)!;
    const n = Number(/live-(\d+)\.ts/.exec(name)?.[1]);
    const res = await get(`/cameras/nga-tu-le-duan/${name}`);
    expect(res.headers.get('content-type')).toBe('video/mp2t');
    const count = clipSegments('nga-tu-le-duan');
    const clipFile = readFileSync(path.join(DEFAULT_MEDIA_DIR, 'nga-tu-le-duan', `seg${n % count}.ts`));
    const loops = Math.floor(n / count) % loopsPerEra(parseVodPlaylist(vodText('nga-tu-le-duan')));
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(retimeTs(clipFile, tsTicks(loops * count * 2000)))).toBe(true);
    expect(tsTimestamps(served)[0]!.value - tsTimestamps(clipFile)[0]!.value).toBe(loops * count * 2000 * 90);
    expect((await get(`/cameras/nga-tu-le-duan/live-${n + 1}.ts`)).status).toBe(404);
  });

  it('serves fMP4 init segments and the VOD playlist', async () => {
    const text = await (await get('/cameras/cau-song-han-fmp4/live.m3u8')).text();
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
    expect((await get('/cameras/cau-song-han-fmp4/init.mp4')).headers.get('content-type')).toBe('video/mp4');
    const vod = await (await get('/cameras/cau-song-han-fmp4/vod.m3u8')).text();
    expect(vod).toContain('#EXT-X-ENDLIST');
    expect((await get('/cameras/cau-song-han-fmp4/seg1.m4s')).status).toBe(200);
  });

  it('answers CORS preflight and refuses other methods', async () => {
    const pre = await get('/cameras/ubnd-tinh/live.m3u8', { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect((await get('/cameras/ubnd-tinh/live.m3u8', { method: 'POST' })).status).toBe(405);
  });

  it('offline-404 answers 404 for the playlist and segments, then recovers', async () => {
    const name = segmentNames(await (await get('/cameras/ham-hai-van/live.m3u8')).text())[0]!;
    server.sim.setCameraState('ham-hai-van', 'offline-404');
    expect((await get('/cameras/ham-hai-van/live.m3u8')).status).toBe(404);
    expect((await get(`/cameras/ham-hai-van/${name}`)).status).toBe(404);
    expect((await get('/cameras/ubnd-tinh/live.m3u8')).status).toBe(200);
    server.sim.setCameraState('ham-hai-van', 'online');
    expect((await get('/cameras/ham-hai-van/live.m3u8')).status).toBe(200);
  });

  it('offline-refuse drops the connection with no answer', async () => {
    server.sim.setCameraState('ubnd-tinh', 'offline-refuse');
    await expect(get('/cameras/ubnd-tinh/live.m3u8')).rejects.toThrow(/fetch failed/);
    server.sim.setCameraState('ubnd-tinh', 'online');
    expect((await get('/cameras/ubnd-tinh/live.m3u8')).status).toBe(200);
  });

  it('corrupt keeps the playlist but serves garbage segments of the same length', async () => {
    server.sim.setCameraState('cang-ca-tho-quang', 'corrupt');
    const text = await (await get('/cameras/cang-ca-tho-quang/live.m3u8')).text();
    const name = segmentNames(text).at(-1)!;
    const n = Number(/live-(\d+)/.exec(name)?.[1]);
    const bytes = Buffer.from(await (await get(`/cameras/cang-ca-tho-quang/${name}`)).arrayBuffer());
    const real = readFileSync(path.join(DEFAULT_MEDIA_DIR, 'cang-ca-tho-quang', `seg${n % clipSegments('cang-ca-tho-quang')}.ts`));
    expect(bytes.length).toBe(real.length);
    expect(bytes.equals(real)).toBe(false);
    expect(bytes.includes(0x47)).toBe(false);
    server.sim.setCameraState('cang-ca-tho-quang', 'online');
  });

  it('counts requests per camera and refuses unknown cameras and other paths', async () => {
    const before = server.sim.requestCount('de-huu-ngan');
    await get('/cameras/de-huu-ngan/live.m3u8');
    expect(server.sim.requestCount('de-huu-ngan')).toBe(before + 1);
    expect((await get('/cameras/khong-co/live.m3u8')).status).toBe(404);
    expect((await get('/cameras/de-huu-ngan/../../package.json')).status).toBe(404);
    expect((await get('/other')).status).toBe(404);
    expect(() => server.sim.setCameraState('khong-co', 'online')).toThrow(/no simulated camera/);
  });
});
