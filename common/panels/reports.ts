import { z } from 'zod';
import { DataKeySchema, ReportCategorySchema } from '../protocol/data.js';

// Citizen field reports (phản ánh hiện trường), newest first.
export const reportsProps = z.strictObject({
  key: DataKeySchema,
  maxItems: z.number().int().min(1).max(50).default(10),
  categories: z.array(ReportCategorySchema).min(1).optional(),
  /** Only these communes (e.g. the flooded ones in the flood scenario). */
  communes: z.array(z.string().min(1).max(120)).min(1).max(100).optional(),
  statuses: z.array(z.enum(['received', 'routed', 'answered'])).min(1).optional(),
  title: z.string().max(120).optional(),
  titleEn: z.string().max(120).optional(),
  fontSize: z.number().min(12).max(300).default(36),
});
