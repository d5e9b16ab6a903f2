import fs from 'node:fs';
import type { SecretRef } from './config.js';

// Credentials come from the environment or a file (a systemd credential, a mounted secret), read when a
// source starts; the error names where it looked, never the value.

export function readSecret(ref: SecretRef, env: NodeJS.ProcessEnv = process.env): { ok: true; value: string } | { ok: false; message: string } {
  const prefix = ref.prefix ?? '';
  if ('env' in ref) {
    const value = env[ref.env];
    if (value === undefined || value === '') return { ok: false, message: `the environment variable ${ref.env} is not set` };
    return { ok: true, value: prefix + value };
  }
  try {
    const value = fs.readFileSync(ref.file, 'utf8').trim();
    if (!value) return { ok: false, message: `the secret file ${ref.file} is empty` };
    return { ok: true, value: prefix + value };
  } catch (err) {
    return { ok: false, message: `cannot read the secret file ${ref.file} (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** Header values with their secrets filled in; the first missing secret is the error. */
export function resolveHeaders(headers: Record<string, string | SecretRef>, env: NodeJS.ProcessEnv = process.env): { ok: true; value: Record<string, string> } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') {
      out[name] = value;
      continue;
    }
    const secret = readSecret(value, env);
    if (!secret.ok) return { ok: false, message: `header ${name}: ${secret.message}` };
    out[name] = secret.value;
  }
  return { ok: true, value: out };
}
