import { z } from 'zod';

// "Tiến độ ứng phó": the live response procedure's progress (steps done of total, overdue steps in red).
// The procedure comes from the wall state, so the panel needs no data key.
export const procedureProps = z.strictObject({
  title: z.string().min(1).max(200).optional(),
  titleEn: z.string().min(1).max(200).optional(),
  /** Steps listed under the figure; the rest are counted. 0: the figure alone. */
  maxSteps: z.number().int().min(0).max(50).default(6),
  fontSize: z.number().positive().max(400).default(32),
});
