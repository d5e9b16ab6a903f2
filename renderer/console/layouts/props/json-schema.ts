import { z } from 'zod';
import { isPanelType, panelPropSchemas } from '../../../../common/panels/registry.js';

// The property form is generated from each panel type's zod schema (as JSON Schema, input side, so
// defaults make fields optional). Only the shapes a form can show are described; the rest is JSON.

export interface FieldSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: FieldSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  description?: string;
}

export type FieldKind =
  | { kind: 'choice'; options: Array<string | number> }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'colour' }
  | { kind: 'text'; long: boolean }
  | { kind: 'json' };

const cache = new Map<string, FieldSchema | null>();

export function propsSchema(type: string): FieldSchema | null {
  if (!isPanelType(type)) return null;
  if (!cache.has(type)) {
    try {
      cache.set(type, z.toJSONSchema(panelPropSchemas[type], { io: 'input', unrepresentable: 'any' }) as FieldSchema);
    } catch {
      cache.set(type, null);
    }
  }
  return cache.get(type) ?? null;
}

export function fieldKind(s: FieldSchema): FieldKind {
  const consts = s.anyOf?.every((a) => a.const !== undefined) ? s.anyOf.map((a) => a.const) : null;
  const options = s.enum ?? consts;
  if (options && options.every((o) => typeof o === 'string' || typeof o === 'number')) return { kind: 'choice', options: options as Array<string | number> };
  if (s.type === 'boolean') return { kind: 'boolean' };
  if (s.type === 'number' || s.type === 'integer') {
    const min = s.minimum ?? s.exclusiveMinimum;
    return { kind: 'number', integer: s.type === 'integer', ...(min === undefined ? {} : { min }), ...(s.maximum === undefined ? {} : { max: s.maximum }) };
  }
  if (s.type === 'string' && s.pattern?.includes('#')) return { kind: 'colour' };
  if (s.type === 'string') return { kind: 'text', long: (s.maxLength ?? 0) > 200 };
  return { kind: 'json' };
}
