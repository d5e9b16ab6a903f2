import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webProps } from '../../../common/panels/web.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { checkOrigin, normaliseOrigin, OriginSchema } from '../../../common/web-origins.js';
import { CONTENT_SECURITY_POLICY, cspDirectives, META_CONTENT_SECURITY_POLICY, pageHtml, securityHeaders } from '../../../electron/web-host/security-headers.js';

const origins = { frames: ['https://ioc.danang.gov.vn', 'http://10.0.0.5:8080'], tiles: ['https://gis.danang.gov.vn'] };

describe('allowed origins', () => {
  it('are written as exact origins', () => {
    expect(normaliseOrigin('https://IOC.DaNang.gov.vn/dash?x=1')).toBe('https://ioc.danang.gov.vn');
    expect(normaliseOrigin('javascript:alert(1)')).toBeNull();
    expect(normaliseOrigin('https://user:pw@host.vn')).toBeNull();
    expect(OriginSchema.safeParse('https://ioc.danang.gov.vn').success).toBe(true);
    for (const bad of ['https://ioc.danang.gov.vn/', 'https://ioc.danang.gov.vn/path', 'ftp://x.vn', 'HTTPS://X.VN', '*']) expect(OriginSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('let a page through only when its origin is on the wall’s list and on the panel’s own', () => {
    expect(checkOrigin('https://ioc.danang.gov.vn/kpi', origins.frames)).toEqual({ ok: true, origin: 'https://ioc.danang.gov.vn' });
    expect(checkOrigin('https://evil.example/kpi', origins.frames)).toEqual({ ok: false, reason: 'not-listed', origin: 'https://evil.example' });
    expect(checkOrigin('https://ioc.danang.gov.vn/kpi', origins.frames, ['http://10.0.0.5:8080'])).toMatchObject({ ok: false, reason: 'not-listed' });
    expect(checkOrigin('https://ioc.danang.gov.vn/kpi', [], ['https://ioc.danang.gov.vn'])).toMatchObject({ ok: false });
    expect(checkOrigin('data:text/html,hi', origins.frames)).toMatchObject({ ok: false, reason: 'not-http' });
  });

  it('belong to the wall config, and the demo wall lists the origin its web page panel shows', () => {
    const demo = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
    const layout = JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')) as { panels: Array<{ type: string; props: unknown }> };
    for (const p of layout.panels.filter((x) => x.type === 'web')) {
      const props = webProps.parse(p.props);
      expect(checkOrigin(props.url, demo.webOrigins?.frames ?? [], props.allowedOrigins)).toMatchObject({ ok: true });
    }
    expect(WallSchema.safeParse({ ...demo, webOrigins: { frames: ['https://x.vn/'] } }).success).toBe(false);
  });
});

describe('the page policy', () => {
  it('is unchanged for a wall that lists no origins', () => {
    expect(cspDirectives().join('; ')).toBe(CONTENT_SECURITY_POLICY);
    expect(cspDirectives({ frames: [], tiles: [] }).join('; ')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows frames from exactly the listed origins (fetched too, for the probe that they answer), and tiles only as images and fetches', () => {
    const csp = securityHeaders(origins)['Content-Security-Policy']!;
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('frame-src')).toBe('frame-src https://ioc.danang.gov.vn http://10.0.0.5:8080');
    expect(directive('img-src')).toBe("img-src 'self' data: blob: https://gis.danang.gov.vn");
    expect(directive('connect-src')).toBe("connect-src 'self' https://gis.danang.gov.vn https://ioc.danang.gov.vn http://10.0.0.5:8080");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('writes the same policy into the page’s meta tag, which would otherwise still refuse the frames', () => {
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const served = pageHtml(html, origins);
    expect(served).toContain('frame-src https://ioc.danang.gov.vn http://10.0.0.5:8080');
    expect(served).not.toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(served)?.[1];
    expect(meta).toBe(cspDirectives(origins).filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    expect(pageHtml(html)).toBe(html);
  });
});
