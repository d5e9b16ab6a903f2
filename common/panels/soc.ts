import { z } from 'zod';
import { AlertSeveritySchema, DataKeySchema } from '../protocol/data.js';

// The SOC's security events (sự cố an ninh mạng): counts by severity, then the newest events.
export const socProps = z.strictObject({
  key: DataKeySchema,
  minSeverity: AlertSeveritySchema.default('info'),
  maxItems: z.number().int().min(1).max(50).default(10),
  title: z.string().max(120).optional(),
  titleEn: z.string().max(120).optional(),
  fontSize: z.number().min(12).max(300).default(32),
});
