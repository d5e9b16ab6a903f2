import type { Problem } from '../../common/state.js';

/**
 * A problem's message without the file it starts with when `where` already names that file: a config
 * error's message reads "<file>: <field>: <what>" for the logs, and the console shows `where` above it.
 */
export function problemDetail(p: Pick<Problem, 'message' | 'where'>): string {
  const file = p.where?.split(' › ')[0];
  return file && p.message.startsWith(`${file}: `) ? p.message.slice(file.length + 2) : p.message;
}
