import { z } from 'zod';
import { OriginSchema } from '../web-origins.js';

// A dashboard the province already has, in a sandboxed frame. Its origin must be listed in the wall's
// webOrigins.frames (which the page's CSP frame-src allows) and, when given, in this panel's own list.
export const webProps = z.strictObject({
  url: z.string().url().max(2000),
  allowedOrigins: z.array(OriginSchema).min(1).max(8).optional(),
  /** Some dashboards need their own cookies or storage: only then allow-same-origin. */
  sameOrigin: z.boolean().default(false),
  /** Reload every so many seconds (dashboards that do not refresh themselves); 0: never. */
  reloadS: z.number().int().min(0).max(86_400).default(0),
  /** Page zoom, for dashboards designed for a desk screen. */
  zoom: z.number().min(0.25).max(4).default(1),
});
