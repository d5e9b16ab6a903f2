import { WallSchema } from '../../../common/wall/schema.js';
import type { ScreenConfig, WallConfig, WallConfigInput } from '../../../common/wall/schema.js';
import demoWall from '../../../config/walls/demo-2x2.json' with { type: 'json' };

// Walls for tests, built from the demo 55-inch screen (1920×1080 px over 1209.6×680.4 mm: 0.63 mm/px).

type ScreenInput = WallConfigInput['screens'][number];

export const demoWallJson = (): WallConfigInput => structuredClone(demoWall) as WallConfigInput;
export const demo = (): WallConfig => WallSchema.parse(demoWallJson());

export function screen(id: string, position: ScreenInput['position'], extra: Partial<ScreenInput> = {}): ScreenInput {
  return {
    id,
    name: `Screen ${id}`,
    resolution: { width: 1920, height: 1080 },
    activeAreaMm: { width: 1209.6, height: 680.4 },
    bezelMm: { top: 1.2, right: 2.3, bottom: 2.3, left: 1.2 },
    position,
    ...extra,
  };
}

export function wall(screens: ScreenInput[], extra: Partial<WallConfigInput> = {}): WallConfig {
  return WallSchema.parse({ schemaVersion: 1, id: 'test', name: 'Test wall', screens, ...extra });
}

/** rows × cols grid of demo screens named R<row>C<col>, listed row by row. */
export function gridWall(rows: number, cols: number): WallConfig {
  const screens: ScreenInput[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) screens.push(screen(`R${row}C${col}`, { row, col }));
  }
  return wall(screens);
}

export const parseScreen = (input: ScreenInput): ScreenConfig => wall([input]).screens[0] as ScreenConfig;
