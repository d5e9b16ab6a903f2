import type { z } from 'zod';
import { describeIssues } from '../../common/contract.js';
import type { Logger } from '../../node-common/log.js';

/** Reads a stored JSON value against its schema: one that no longer fits is logged and skipped, not fatal. */
export function storedReader(log: Logger) {
  return <S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> | null => {
    try {
      const parsed = schema.safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
      log.warn(`${what} does not match its schema; ignoring it`, { issues: describeIssues(parsed.error) });
    } catch (error) {
      log.warn(`${what} is not valid JSON; ignoring it`, { error: String(error) });
    }
    return null;
  };
}
