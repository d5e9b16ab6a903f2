import type { z } from 'zod';
import { solidProps } from './solid.js';
import { textProps } from './text.js';
import { clockProps } from './clock.js';
import { patternProps } from './pattern.js';
import { cameraProps } from './camera.js';
import { mapProps } from './map.js';
import { kpiProps } from './kpi.js';
import { kpiGroupProps } from './kpi-group.js';
import { alertListProps, alertTickerProps } from './alerts.js';
import { reportsProps } from './reports.js';
import { socProps } from './soc.js';
import { webProps } from './web.js';
import { procedureProps } from './procedure.js';

// Props schema per panel type. Adding a type: a schema file here, a folder in renderer/panels.
export const panelPropSchemas = {
  solid: solidProps,
  text: textProps,
  clock: clockProps,
  pattern: patternProps,
  camera: cameraProps,
  map: mapProps,
  kpi: kpiProps,
  'kpi-group': kpiGroupProps,
  'alert-ticker': alertTickerProps,
  'alert-list': alertListProps,
  reports: reportsProps,
  soc: socProps,
  web: webProps,
  procedure: procedureProps,
} satisfies Record<string, z.ZodType>;

export type PanelType = keyof typeof panelPropSchemas;
export type PanelProps<T extends PanelType> = z.infer<(typeof panelPropSchemas)[T]>;

export const panelTypes = (): string[] => Object.keys(panelPropSchemas);

export function isPanelType(type: string): type is PanelType {
  return Object.hasOwn(panelPropSchemas, type);
}

export interface PropsIssue {
  path: PropertyKey[];
  message: string;
}

export function panelPropsIssues(type: string, props: unknown): PropsIssue[] {
  if (!isPanelType(type)) {
    return [{ path: [], message: `unknown panel type "${type}"; known types: ${panelTypes().join(', ')}` }];
  }
  const result = panelPropSchemas[type].safeParse(props);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

/** Props with defaults filled in, or null when they do not validate. */
export function parsePanelProps<T extends PanelType>(type: T, props: unknown): PanelProps<T> | null {
  const result = panelPropSchemas[type].safeParse(props);
  return result.success ? (result.data as PanelProps<T>) : null;
}
