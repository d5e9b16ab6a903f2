import { describe, expect, it } from 'vitest';
import { cameraStreamUrl, checkCameraUrl } from '../../../common/panels/camera.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { CONTENT_SECURITY_POLICY, cspDirectives, pageHtml } from '../../../electron/web-host/security-headers.js';
import fs from 'node:fs';

// Camera tiles play through MSE (a blob: media source) and fetch playlists with XHR: the page policy allows
// blob: media and exactly the camera origins the wall lists, and nothing else beyond the base policy.

const directive = (csp: string[], name: string) => csp.find((d) => d.startsWith(`${name} `));

describe('camera streams and the page policy', () => {
  it('allows media from the page itself and MSE blob: URLs, with no camera origin listed', () => {
    const csp = cspDirectives();
    expect(directive(csp, 'media-src')).toBe("media-src 'self' blob:");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("media-src 'self' blob:");
  });

  it('adds the wall’s camera origins to connect-src only, once each', () => {
    const csp = cspDirectives({ frames: [], tiles: ['https://gis.danang.gov.vn'], cameras: ['http://10.1.2.3:8080', 'https://gis.danang.gov.vn'] });
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://gis.danang.gov.vn http://10.1.2.3:8080");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob: https://gis.danang.gov.vn");
    expect(directive(csp, 'media-src')).toBe("media-src 'self' blob:");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp.some((d) => d.startsWith('frame-src'))).toBe(false);
  });

  it('the page’s meta tag carries the same camera origins', () => {
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    expect(html).toContain("media-src 'self' blob:");
    expect(pageHtml(html, { cameras: ['http://10.1.2.3:8080'] })).toContain("connect-src 'self' http://10.1.2.3:8080");
  });

  it('a wall lists camera origins exactly, and knows none by default', () => {
    const wall = JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')) as Record<string, unknown>;
    expect(WallSchema.parse(wall).webOrigins?.cameras).toEqual([]);
    const bad = WallSchema.safeParse({ ...wall, webOrigins: { cameras: ['http://10.1.2.3:8080/live'] } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('scheme://host[:port]');
  });
});

describe('which camera URLs a page may play', () => {
  const page = 'http://127.0.0.1:4280';
  it('its own origin (the hub’s /cameras/… relayed by the wall) and listed origins', () => {
    expect(cameraStreamUrl({ id: 'cau-song-han', name: 'Cầu sông Hàn' })).toBe('/cameras/cau-song-han/live.m3u8');
    expect(checkCameraUrl(`${page}/cameras/cau-song-han/live.m3u8`, page, [])).toEqual({ ok: true });
    expect(checkCameraUrl('http://10.1.2.3:8080/cam1/index.m3u8', page, ['http://10.1.2.3:8080'])).toEqual({ ok: true });
  });

  it('refuses anything else, naming the origin to list', () => {
    expect(checkCameraUrl('http://10.1.2.3:8080/cam1/index.m3u8', page, [])).toEqual({ ok: false, origin: 'http://10.1.2.3:8080' });
    expect(checkCameraUrl('http://10.1.2.3:8081/cam1/index.m3u8', page, ['http://10.1.2.3:8080'])).toEqual({ ok: false, origin: 'http://10.1.2.3:8081' });
  });
});
