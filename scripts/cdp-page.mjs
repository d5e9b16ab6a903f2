// One page in its own Chromium, driven over the DevTools protocol directly (see scripts/cdp-browser.mjs
// for why not Playwright): for benchmarks that measure one page's memory over minutes.
import { launchBrowser } from './cdp-browser.mjs';

export async function openPage({ executablePath, args, viewport, url }) {
  const browser = await launchBrowser({ executablePath, args, windowSize: viewport });
  const page = await browser.newPage({ url, viewport });
  return { pid: browser.pid, ...page, close: () => browser.close() };
}
