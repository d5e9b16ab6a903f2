import type { Layout, Panel } from '../wall/layout-schema.js';
import type { Rect } from '../wall/schema.js';

// The editor's changes to a layout, as pure functions: each returns a new layout, or the same one
// when nothing changes (so the undo history records real steps only).

const round = (r: Rect): Rect => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) });
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function mapPanel(layout: Layout, id: string, change: (p: Panel) => Panel): Layout {
  let changed = false;
  const panels = layout.panels.map((p) => {
    if (p.id !== id) return p;
    const next = change(p);
    if (next !== p) changed = true;
    return next;
  });
  return changed ? { ...layout, panels } : layout;
}

export function setPanelRect(layout: Layout, id: string, rect: Rect): Layout {
  const r = round(rect);
  return mapPanel(layout, id, (p) => (sameRect(p.rect, r) ? p : { ...p, rect: r }));
}

export function setPanelProps(layout: Layout, id: string, props: Record<string, unknown>): Layout {
  return mapPanel(layout, id, (p) => (JSON.stringify(p.props) === JSON.stringify(props) ? p : { ...p, props }));
}

export function setPanelTitle(layout: Layout, id: string, title: string): Layout {
  const t = title.trim();
  return mapPanel(layout, id, (p) => {
    if ((p.title ?? '') === t) return p;
    const { title: _old, ...rest } = p;
    return t ? { ...rest, title: t } : rest;
  });
}

/** A free id from a base: "text", "text-2", "text-3"… */
export function freeId(layout: Layout, base: string): string {
  const taken = new Set(layout.panels.map((p) => p.id));
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || 'panel';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

/** A layout (or scenario) id from a name: Vietnamese letters without their marks, spaces as dashes. */
export function idFromName(name: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return freeId({ schemaVersion: 1, id: 'x', name: 'x', wallId: 'x', panels: [] }, base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')) || 'bo-cuc';
}

const topZ = (layout: Layout) => Math.max(-1, ...layout.panels.map((p) => p.z));

/** Add a panel on top of the others; returns the layout and the new panel's id. */
export function addPanel(layout: Layout, type: string, props: Record<string, unknown>, rect: Rect): { layout: Layout; id: string } {
  const id = freeId(layout, type);
  const panel: Panel = { id, type, rect: round(rect), z: topZ(layout) + 1, props };
  return { layout: { ...layout, panels: [...layout.panels, panel] }, id };
}

export function removePanel(layout: Layout, id: string): Layout {
  const panels = layout.panels.filter((p) => p.id !== id);
  return panels.length === layout.panels.length ? layout : { ...layout, panels };
}

/** A copy shifted by `offset` px, on top; null when there is no such panel. */
export function duplicatePanel(layout: Layout, id: string, offset = 40): { layout: Layout; id: string } | null {
  const source = layout.panels.find((p) => p.id === id);
  if (!source) return null;
  const copyId = freeId(layout, source.id);
  const copy: Panel = { ...source, id: copyId, z: topZ(layout) + 1, rect: { ...source.rect, x: source.rect.x + offset, y: source.rect.y + offset }, props: structuredClone(source.props) };
  return { layout: { ...layout, panels: [...layout.panels, copy] }, id: copyId };
}

export function setPanels(layout: Layout, panels: Panel[]): Layout {
  return { ...layout, panels };
}
