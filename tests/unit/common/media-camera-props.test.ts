import { describe, expect, it } from 'vitest';
import { cameraStreamUrl, spansScreens } from '../../../common/panels/camera.js';
import { panelPropsIssues, parsePanelProps } from '../../../common/panels/registry.js';

const cam = (id: string, url?: string) => ({ id, name: id, ...(url === undefined ? {} : { url }) });

describe('camera panel props', () => {
  it('fills defaults and points a camera without a URL at the hub', () => {
    const props = parsePanelProps('camera', { cameras: [cam('cau-song-han')] });
    expect(props).toMatchObject({ grid: 1, fit: 'cover', showNames: true });
    expect(cameraStreamUrl(props!.cameras[0]!)).toBe('/cameras/cau-song-han/live.m3u8');
  });

  it('accepts http(s) and relative URLs only', () => {
    for (const url of ['https://gw.ioc.local/cam/1/index.m3u8', 'http://10.0.0.5:8080/live.m3u8', '/cameras/a/live.m3u8', 'live/a.m3u8']) {
      expect(panelPropsIssues('camera', { cameras: [cam('a', url)] })).toEqual([]);
    }
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'rtsp://10.0.0.5/stream', 'data:application/x-mpegurl,x', '//cdn.example/a.m3u8']) {
      expect(panelPropsIssues('camera', { cameras: [cam('a', url)] })[0]?.path).toEqual(['cameras', 0, 'url']);
    }
  });

  it('allows grids of 1, 4, 9 and 16 holding no more cameras than cells', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => cam(id));
    expect(panelPropsIssues('camera', { cameras: four, grid: 4 })).toEqual([]);
    expect(panelPropsIssues('camera', { cameras: four, grid: 6 })[0]?.path).toEqual(['grid']);
    const issues = panelPropsIssues('camera', { cameras: [...four, cam('e')], grid: 4 });
    expect(issues).toEqual([{ path: ['cameras'], message: expect.stringMatching(/grid 4 has 4 cell/) }]);
  });

  it('refuses the same camera twice and ids that cannot name a stream', () => {
    expect(panelPropsIssues('camera', { cameras: [cam('a'), cam('a')], grid: 4 })[0]?.path).toEqual(['cameras', 1, 'id']);
    expect(panelPropsIssues('camera', { cameras: [cam('Cầu Sông Hàn')] })[0]?.path).toEqual(['cameras', 0, 'id']);
  });
});

describe('spansScreens: which players keep in step with other screens', () => {
  const whole = { x: -200, y: 100, width: 1280, height: 720 };
  it('a panel whole on this screen plays on its own', () => {
    expect(spansScreens(whole, whole)).toBe(false);
    // Rounding of a scaled viewport is not a seam.
    expect(spansScreens(whole, { ...whole, width: whole.width - 0.3 })).toBe(false);
  });
  it('a panel cut by this screen\'s edge, across or down, keeps in step', () => {
    expect(spansScreens(whole, { x: 0, y: 100, width: 1080, height: 720 })).toBe(true);
    expect(spansScreens(whole, { x: -200, y: 100, width: 1280, height: 360 })).toBe(true);
  });
});
