import { redactText } from './log.js';
import { writePrivateFile } from './private-file.js';

// The URLs with access tokens a host prints at start. Under systemd its output is the journal, which
// any admin (and the SOC's collector) reads: there it prints them without tokens and points at the
// file, owner-only, that holds them in full. In a terminal it prints them as they are.

/** systemd sets INVOCATION_ID for every service it runs. */
export const underSystemd = (env: NodeJS.ProcessEnv): boolean => Boolean(env.INVOCATION_ID);

/**
 * Writes `lines` to `file` (0600; none for an in-memory database) and returns what to print: the
 * lines themselves, or under systemd the lines without tokens and where they are.
 */
export function accessLines(lines: readonly string[], file: string | null, env: NodeJS.ProcessEnv = process.env): string[] {
  if (file) writePrivateFile(file, `${lines.join('\n')}\n`);
  if (!underSystemd(env)) return [...lines];
  return [...lines.map(redactText), file ? `tokens: ${file}` : 'tokens: not printed under systemd; give the service a --db file to have them written beside it'];
}
