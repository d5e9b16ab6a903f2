import { panelPropSchemas, panelTypes, isPanelType } from '../panels/registry.js';

// Props for a new panel of each type: the schema's own defaults, or a small sample where the schema
// needs something a default cannot give (a text, a camera).

const SAMPLES: Record<string, Record<string, unknown>> = {
  text: { text: 'Nội dung mới', textEn: 'New text' },
  camera: { cameras: [{ id: 'camera-1', name: 'Camera 1' }] },
};

/** Valid props for a new panel, or null when the type has no default the schema accepts. */
export function defaultProps(type: string): Record<string, unknown> | null {
  if (!isPanelType(type)) return null;
  const schema = panelPropSchemas[type];
  for (const candidate of [{}, SAMPLES[type]]) {
    if (candidate === undefined) continue;
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return parsed.data as Record<string, unknown>;
  }
  return null;
}

/** The panel types a person can add from the editor (those with a valid starting point). */
export function addablePanelTypes(): string[] {
  return panelTypes().filter((t) => defaultProps(t) !== null);
}
