/* global document -- the functions passed to page.evaluate / waitForFunction run in the page */
// npm run screenshots — the README's pictures, taken from the demo as `npm start` runs it: the console's
// live wall view, its response procedure during the flood, and one wall screen. Written to
// docs/screenshots/*.png at a size the README can carry (each kept under MAX_BYTES).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { openConsoleSocket, signIn } from './console-socket.mjs';

const OUT = path.resolve('docs', 'screenshots');
const MAX_BYTES = 300 * 1024;
const ACCOUNT = { username: 'anh-chup', displayName: 'Ảnh chụp README', password: 'anh-chup-readme-2026' };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];
const LONG = { timeout: 300_000 }; // a loaded machine: screens take minutes to compile map shaders

const host = await startWebHostProcess({ startTimeoutMs: 180_000 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  // The account, made the way a new installation makes its first administrator; the flood on the wall.
  const socket = await openConsoleSocket(host.consoleUrl);
  await signIn(socket, ACCOUNT);
  const activated = await socket.request('scenario:activate', { scenarioId: 'flood-response' }, 60_000);
  if (!activated.ok) throw new Error(`scenario:activate: ${activated.error.message}`);
  socket.close();

  fs.mkdirSync(OUT, { recursive: true });
  const shots = [];
  const shoot = async (page, name) => {
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file, scale: 'css', animations: 'disabled' });
    shots.push({ file, bytes: fs.statSync(file).size });
  };

  // One wall screen, at its own size (1920 × 1080), kept at half that in the file.
  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 0.5 });
  await screen.goto(host.screenUrls.get('A1'));
  await screen.waitForFunction(() => document.documentElement.dataset.rehearsed === 'true', undefined, LONG);
  await screen.waitForFunction(() => document.querySelector('[data-layer="shown"] [data-camera-state="playing"]') !== null, undefined, LONG).catch(() => {});
  await screen.waitForTimeout(3000); // the map's tiles and the charts settle
  await shoot(screen, 'wall-screen-a1');

  // The console on a 1366 × 768 laptop: the live wall view, then the procedure.
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  for (const id of ['A2', 'B1', 'B2']) {
    const other = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 0.25 });
    await other.goto(host.screenUrls.get(id)); // the other screens send their camera frames to the live view
  }
  await page.goto(host.consoleUrl);
  await page.getByTestId('login-username').fill(ACCOUNT.username);
  await page.getByTestId('login-password').fill(ACCOUNT.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('live-preview').waitFor(LONG);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="live-preview"] img').length > 0, undefined, LONG).catch(() => {});
  await page.waitForTimeout(2000);
  await shoot(page, 'console-live-view');
  await page.getByTestId('procedure-chip').click();
  await page.getByTestId('procedure').waitFor(LONG);
  await shoot(page, 'console-procedure');

  for (const s of shots) {
    console.log(`${path.relative(process.cwd(), s.file)}: ${(s.bytes / 1024).toFixed(0)} KiB`);
    if (s.bytes > MAX_BYTES) throw new Error(`${s.file} is ${(s.bytes / 1024).toFixed(0)} KiB, over ${MAX_BYTES / 1024} KiB: take it smaller`);
  }
} finally {
  await browser.close();
  await host.stop();
}
