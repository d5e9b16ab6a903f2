import type { ComponentType } from 'react';
import type { PanelType } from '../../common/panels/registry.js';
import { CameraView } from './camera/camera-view.js';
import { ClockView } from './clock/clock-view.js';
import { PatternView } from './pattern/pattern-view.js';
import { SolidView } from './solid/solid-view.js';
import { TextView } from './text/text-view.js';
import type { PanelViewProps } from './types.js';

// The view for each panel type in common/panels/registry.ts; the compiler insists on one per type.
export const panelViews: { [T in PanelType]: ComponentType<PanelViewProps<T>> } = {
  solid: SolidView,
  text: TextView,
  clock: ClockView,
  pattern: PatternView,
  camera: CameraView,
};
