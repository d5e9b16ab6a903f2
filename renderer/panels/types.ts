import type { PanelProps, PanelType } from '../../common/panels/registry.js';
import type { Language } from '../../common/state.js';
import type { Panel } from '../../common/wall/layout-schema.js';
import type { Rect } from '../../common/wall/schema.js';

/** What every panel view receives. Rects are in viewport px (1 px = 1 canvas px). */
export interface PanelViewProps<T extends PanelType> {
  panel: Panel;
  props: PanelProps<T>;
  /** The whole panel relative to the viewport origin; may start negative or extend past it. */
  local: Rect;
  /** The part of the panel this screen shows, relative to the viewport origin. */
  visible: Rect;
  language: Language;
  /** The viewport's top-left corner on the wall canvas. */
  viewportOrigin: { x: number; y: number };
}
