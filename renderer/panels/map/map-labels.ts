import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { placeLabels, type LabelAnchor, type LabelCandidate } from '../../../common/map/label-placement.js';
import { projectInPanel, type MapViewState } from '../../../common/map/view-state.js';
import type { Rgba } from './colours.js';
import { VIETNAMESE_CHARACTER_SET } from './vietnamese-chars.js';

// A map panel's labels, all layers together: placed so that none covers another (common/map/label-
// placement.ts), in the whole panel's pixels so a panel spanning screens shows the same labels on each,
// and drawn as one TextLayer. Placement runs when the data, the language or the panel's size change,
// never per frame (a wall map does not pan).

/** A label a layer asks for: one string, so a value stays with its name. */
export interface MapLabel {
  text: string;
  lon: number;
  lat: number;
  priority: number;
  anchors: readonly LabelAnchor[];
  /** Distance from the point to a beside-anchored label: the marker's radius and a little. */
  gap: number;
}

/** Which labels win a place: live readings and incidents over places, places over areas and outlines. */
export const LABEL_PRIORITY = {
  boundary: 10,
  area: 20,
  vessel: 30,
  camera: 40,
  place: 50,
  cameraOnWall: 60,
  traffic: 70,
  incident: 80,
  /** Plus the alarm level (0–3) times 10: a gauge at level III is labelled first. */
  gauge: 100,
} as const;

export const BESIDE: readonly LabelAnchor[] = ['below', 'above', 'right', 'left'];
export const CENTRED: readonly LabelAnchor[] = ['center'];

export const MAP_FONT = '"Be Vietnam Pro", sans-serif';
const WHITE: Rgba = [255, 255, 255, 255];
const HALO: Rgba = [8, 19, 31, 230];
/** Free space kept around each label, px. */
const PADDING = 6;

interface Drawn {
  text: string;
  position: [number, number];
  textAnchor: 'start' | 'middle' | 'end';
  baseline: 'top' | 'center' | 'bottom';
  offset: [number, number];
}

const ANCHOR_STYLE: Record<LabelAnchor, { textAnchor: Drawn['textAnchor']; baseline: Drawn['baseline']; dx: number; dy: number }> = {
  below: { textAnchor: 'middle', baseline: 'top', dx: 0, dy: 1 },
  above: { textAnchor: 'middle', baseline: 'bottom', dx: 0, dy: -1 },
  right: { textAnchor: 'start', baseline: 'center', dx: 1, dy: 0 },
  left: { textAnchor: 'end', baseline: 'center', dx: -1, dy: 0 },
  center: { textAnchor: 'middle', baseline: 'center', dx: 0, dy: 0 },
};

/** The labels that fit, as one TextLayer (none until the bundled font is there: see data-layers.ts). */
/** The width of a label's text at a size, px (measure-label.ts in the page). */
export type MeasureText = (text: string, size: number) => number;

export function placedLabelsLayer(viewId: string, labels: readonly MapLabel[], view: MapViewState, size: { width: number; height: number }, labelSize: number, measure: MeasureText): Layer[] {
  if (labels.length === 0) return [];
  const height = labelSize * 1.2;
  const candidates: LabelCandidate[] = labels.map((l) => {
    const [x, y] = projectInPanel(view, size, l.lon, l.lat);
    return { x, y, width: measure(l.text, labelSize) + 4, height, priority: l.priority, anchors: l.anchors, gap: l.gap };
  });
  const drawn: Drawn[] = placeLabels(candidates, { ...size, padding: PADDING }).map(({ index, anchor }) => {
    const l = labels[index]!;
    const s = ANCHOR_STYLE[anchor];
    return { text: l.text, position: [l.lon, l.lat], textAnchor: s.textAnchor, baseline: s.baseline, offset: [s.dx * l.gap, s.dy * l.gap] };
  });
  return [
    new TextLayer<Drawn>({
      id: `${viewId}/labels`,
      data: drawn,
      // The same labels again (a reading that did not change) keep their laid-out text.
      dataComparator: sameLabels,
      getPosition: (d) => d.position,
      getText: (d) => d.text,
      getSize: labelSize,
      sizeUnits: 'pixels',
      getColor: WHITE,
      fontFamily: MAP_FONT,
      fontWeight: 600,
      characterSet: VIETNAMESE_CHARACTER_SET as string[],
      outlineWidth: 3,
      outlineColor: HALO,
      fontSettings: { sdf: true },
      getPixelOffset: (d) => d.offset,
      getTextAnchor: (d) => d.textAnchor,
      getAlignmentBaseline: (d) => d.baseline,
    }),
  ];
}

function sameLabels(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return (a as Drawn[]).every((x, i) => {
    const y = (b as Drawn[])[i]!;
    return x.text === y.text && x.position[0] === y.position[0] && x.position[1] === y.position[1] && x.textAnchor === y.textAnchor && x.baseline === y.baseline;
  });
}
