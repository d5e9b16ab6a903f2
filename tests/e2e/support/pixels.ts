import type { Page } from '@playwright/test';

export type Rgb = [number, number, number];

// What the browser-side code below uses; the Node-side tsconfig has no DOM types.
interface BrowserApi {
  createImageBitmap(blob: Blob, options: object): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (w: number, h: number) => {
    getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

/**
 * Colours of window pixels as actually composited: a real screenshot (PNG), decoded by the browser
 * itself (no PNG library needed), then read at each point.
 */
export async function screenshotPixels(page: Page, points: ReadonlyArray<readonly [number, number]>): Promise<Rgb[]> {
  const png = await page.screenshot({ type: 'png', animations: 'disabled', caret: 'initial' });
  return page.evaluate(
    async ({ base64, points }) => {
      const api = globalThis as unknown as BrowserApi;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await api.createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      const canvas = new api.OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      return points.map(([x, y]) => {
        const i = (y * bitmap.width + x) * 4;
        return [data[i]!, data[i + 1]!, data[i + 2]!] as Rgb;
      });
    },
    { base64: png.toString('base64'), points: points.map((p) => [p[0], p[1]] as [number, number]) },
  );
}

export function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const near = (a: Rgb, b: Rgb, tolerance = 2): boolean => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
