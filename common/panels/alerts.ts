import { z } from 'zod';
import { AlertSeveritySchema, DataKeySchema } from '../protocol/data.js';

const base = {
  key: DataKeySchema,
  /** Further alert keys shown with it (e.g. "alerts.cap", the CAP warnings beside the centre's own alerts). */
  moreKeys: z.array(DataKeySchema).max(8).default([]),
  /** Alerts below this severity are left out. */
  minSeverity: AlertSeveritySchema.default('info'),
  fontSize: z.number().min(12).max(300).default(44),
};

/** One line running across the panel (and across screens, in step: it moves with the wall clock). */
export const alertTickerProps = z.strictObject({ ...base, speedPxPerS: z.number().min(10).max(1000).default(120) });

export const alertListProps = z.strictObject({ ...base, maxItems: z.number().int().min(1).max(50).default(8), title: z.string().max(120).optional(), titleEn: z.string().max(120).optional() });
