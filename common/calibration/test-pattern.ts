import { z } from 'zod';
import { patternProps, spanningKinds } from '../panels/pattern.js';
import type { WallCanvas } from '../wall/geometry.js';
import type { Panel } from '../wall/layout-schema.js';

// A test pattern is a technician overlay above the layout, never an edit of it: the state says which
// pattern and where, and every screen draws it as pattern panels on top of whatever it shows.

export const TestPatternSchema = z.strictObject({
  /** null: the whole wall; else one screen. */
  screenId: z.string().min(1).max(64).nullable(),
  pattern: patternProps,
});
export type TestPattern = z.infer<typeof TestPatternSchema>;

/** Above every layout panel (layouts use small z values). */
export const TEST_PATTERN_Z = 1_000_000;

/**
 * The panels that draw `testPattern`. Spanning kinds get one panel over the scope (the wall canvas, or
 * one screen); the others one panel per screen, so each screen shows the whole pattern.
 */
export function testPatternPanels(testPattern: TestPattern, canvas: WallCanvas): Panel[] {
  const { screenId, pattern } = testPattern;
  const inScope = canvas.viewports.filter((v) => screenId === null || v.screenId === screenId);
  const panel = (id: string, rect: Panel['rect']): Panel => ({ id, type: 'pattern', rect, z: TEST_PATTERN_Z, props: { ...pattern } });
  if (spanningKinds.includes(pattern.kind) && screenId === null) {
    return [panel('test-pattern-wall', { x: 0, y: 0, width: Math.max(1, canvas.width), height: Math.max(1, canvas.height) })];
  }
  return inScope.map((v) => panel(`test-pattern-${v.screenId}`, v.rect));
}
