import fs from 'node:fs';
import type { WallState } from '../../common/state.js';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';

/** The demo wall on its normal layout, as a screen's first snapshot at `revision`. */
export function demoState(revision: number): WallState {
  return {
    revision,
    wall: WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8'))),
    layout: LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8'))),
    language: 'vi',
    identify: false,
    problems: [],
  };
}
