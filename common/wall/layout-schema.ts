import { z } from 'zod';
import { RectSchema } from './schema.js';
import { isPanelType, panelPropsIssues, panelTypes } from '../panels/registry.js';

// A layout places panels on the wall canvas (canvas px). Props are checked per panel type
// (common/panels), so a bad panel is named precisely.

export const PanelSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use letters, digits, "-" or "_"'),
    type: z.string().min(1),
    title: z.string().max(200).optional(),
    rect: RectSchema,
    z: z.number().int().default(0),
    props: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((p, ctx) => {
    if (!isPanelType(p.type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `unknown panel type "${p.type}"; known types: ${panelTypes().join(', ')}` });
      return;
    }
    for (const issue of panelPropsIssues(p.type, p.props)) {
      ctx.addIssue({ code: 'custom', path: ['props', ...issue.path], message: issue.message });
    }
  });
export type Panel = z.infer<typeof PanelSchema>;

export const LayoutSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
    name: z.string().min(1).max(200),
    wallId: z.string().min(1),
    panels: z.array(PanelSchema).max(500),
  })
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.panels.forEach((p, i) => {
      if (seen.has(p.id)) {
        ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `duplicate panel id "${p.id}"; give each panel its own id` });
      }
      seen.add(p.id);
    });
  });
export type Layout = z.infer<typeof LayoutSchema>;
export type LayoutInput = z.input<typeof LayoutSchema>;
