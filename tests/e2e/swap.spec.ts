import { distance, firstShown, ScreenWatch } from '../support/screen-watch.js';
import { ScreenPage } from './pages/screen-page.js';
import { expect, test } from './support/fixtures.js';

// The swap of a scenario switch runs on the compositor (renderer/screen/compositor-swap.ts). The wall's
// host here leaves maps, cameras and web pages out of the scenarios, and gives activations a 600 ms lead.

// Its precondition is a page that gets the activation ahead of the apply time. Once in a full CI run on a
// 2-core box it did not (the swap was never armed); the retry reruns it, and the error says why.
test.describe.configure({ retries: 1 });

test('the compositor swaps a screen whose main thread is busy at the apply time', async ({ wall, playwright }, testInfo) => {
  // A screen page that is drawing a map or starting players when the apply time comes must still change
  // in that frame: the swap is handed to the compositor (renderer/screen/compositor-swap.ts). Here A1's
  // main thread is held for 1.5 s from just before the apply time; its screencast (the compositor's
  // frames) must show the new layout before that hold ends. A1 runs in a browser of its own: on
  // SwiftShader one page compiling map shaders holds the shared GPU process, and every page's
  // compositor with it, for seconds — a stall no page can swap through.
  const browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const a1 = await ScreenPage.open(context, 'A1', wall.host.screenUrls.get('A1')!);
  await a1.waitForRevision(wall.revision, 60_000);
  const page = a1.page;
  const watch = await ScreenWatch.open(page);
  await watch.start();
  await page.waitForTimeout(300); // frames of the layout before the switch
  const hold = page.evaluate(
    () =>
      new Promise<{ applyAt: number; start: number; end: number } | string>((resolve) => {
        type Effect = { target: { closest(s: string): unknown } | null; getKeyframes(): { offset: number | null }[]; getTiming(): { duration: number | string } };
        type Anim = { id: string; startTime: number | null; effect: Effect | null };
        const g = globalThis as unknown as {
          document: { getAnimations(): Anim[] };
          performance: { now(): number; timeOrigin: number };
          setInterval(cb: () => void, ms: number): number;
          clearInterval(id: number): void;
          setTimeout(cb: () => void, ms: number): number;
        };
        const epoch = (t: number) => g.performance.timeOrigin + t;
        const began = g.performance.now();
        const poll = g.setInterval(() => {
          // The swap's animations (compositor-swap.ts names them), on the layer drawn hidden.
          const armed = g.document.getAnimations().find((a) => a.id === 'tc-swap' && a.startTime !== null && a.effect?.target?.closest('[data-layer="pending"]'));
          if (!armed && g.performance.now() - began < 10_000) return;
          g.clearInterval(poll);
          if (!armed) {
            // Say why: an activation that reached the page after its apply time is shown at once, unarmed.
            const last = (globalThis as unknown as { __tcSwaps?: { receivedAt: number; applyAt: number; armedAt?: number }[] }).__tcSwaps?.at(-1);
            const why = last ? ` (last swap: received ${Math.round(last.receivedAt - last.applyAt)} ms after its apply time, armed ${last.armedAt === undefined ? 'never' : `${Math.round(last.armedAt - last.applyAt)} ms after it`})` : ' (no swap recorded)';
            return resolve(`the swap was never handed to the compositor${why}`);
          }
          // Where the step is (compositor-swap.ts: the keyframes change at the apply time).
          const keyframes = armed.effect!.getKeyframes();
          const applyAt = armed.startTime! + (keyframes.length === 4 ? keyframes[1]!.offset! : 0) * Number(armed.effect!.getTiming().duration);
          const lead = applyAt - g.performance.now();
          if (lead < 150) return resolve(`armed only ${Math.round(lead)} ms before the apply time`);
          // Hold from 100 ms before the apply time (after a frame or more has committed the animations).
          g.setTimeout(() => {
            const start = g.performance.now();
            while (g.performance.now() - start < 1500);
            resolve({ applyAt: epoch(applyAt), start: epoch(start), end: epoch(g.performance.now()) });
          }, lead - 100);
        }, 4);
      }),
  );
  const activatedAt = Date.now();
  expect(await wall.admin.request('scenario:activate', { scenarioId: 'storm' })).toMatchObject({ ok: true });
  const held = await hold;
  if (typeof held === 'string') throw new Error(held);
  expect(held.start, 'the main thread was held from before the apply time').toBeLessThan(held.applyAt);
  const revision = (await wall.snapshot()).revision;
  await a1.waitForRevision(revision);
  await page.waitForTimeout(300); // frames of the new layout, settled
  const frames = await watch.stop();
  await browser.close();
  const before = frames.filter((f) => f.at < activatedAt).at(-1);
  const after = frames.at(-1);
  if (!before || !after) throw new Error(`screencast frames before and after the switch: ${frames.length} in all`);
  expect(distance(before, after), 'the two layouts look different at thumbnail size').toBeGreaterThan(4);
  const shown = firstShown(frames, before, after, activatedAt);
  expect(shown, 'a frame shows the new layout').not.toBeNull();
  const figures = `new layout on screen ${Math.round(shown! - held.applyAt)} ms after the apply time; main thread held from ${Math.round(held.start - held.applyAt)} to ${Math.round(held.end - held.applyAt)} ms`;
  testInfo.annotations.push({ type: 'swap', description: figures });
  expect(shown!, figures).toBeLessThan(held.end);
});
