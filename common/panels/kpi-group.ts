import { z } from 'zod';
import { KpiItem } from './kpi.js';

// A group tile: the few indicators of one field side by side.
export const KPI_DOMAINS = ['socio-economic', 'public-services', 'health', 'education', 'tourism', 'disaster', 'security'] as const;

export const kpiGroupProps = z.strictObject({
  domain: z.enum(KPI_DOMAINS),
  /** Overrides the domain's name as the heading. */
  title: z.string().min(1).max(120).optional(),
  titleEn: z.string().min(1).max(120).optional(),
  items: z.array(KpiItem).min(1).max(12),
  columns: z.number().int().min(1).max(4).default(2),
  source: z.string().max(120).optional(),
  fontSize: z.number().min(12).max(400).default(64),
});
