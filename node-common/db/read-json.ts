import type { z } from 'zod';
import { describeIssues } from '../../common/contract.js';
import { errorMessage } from './errors.js';
import type { Logger } from './logger.js';

/** Parse and validate JSON stored in a row. A bad row is logged and read as null, never thrown
 *  and never returned as if it were good. `what` names the row, e.g. `walls row "demo"`. */
export function readJson<S extends z.ZodType>(schema: S, text: string, what: string, logger: Logger): z.output<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    logger.warn(`${what} is not valid JSON (${errorMessage(error)}); ignoring it. Saving it again replaces it.`);
    return null;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    logger.warn(`${what} does not match its schema (${describeIssues(result.error)}); ignoring it. Saving it again replaces it.`);
    return null;
  }
  return result.data;
}
