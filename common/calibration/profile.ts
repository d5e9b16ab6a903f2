import { z } from 'zod';
import type { WallConfig } from '../wall/schema.js';
import { CalibrationSchema, type Calibration } from './schema.js';

// Calibration profiles as files a technician exports and imports. An import is all or nothing: a file
// with any problem changes nothing, and every problem is listed with its path in the file.

export const PROFILE_FORMAT = 'toan-canh/calibration-profile';
export const MAX_PROFILE_TEXT = 256 * 1024;

export const ProfileNameSchema = z.string().trim().min(1, 'give the profile a name').max(120);

export const ProfileFileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(1),
  wallId: z.string().min(1).max(64),
  name: ProfileNameSchema,
  /** ISO 8601 time of saving. */
  savedAt: z.string().max(40),
  calibration: CalibrationSchema,
});
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

export const ProfileSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  wallId: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** How many screens the profile sets. */
  screens: z.number().int().nonnegative(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export interface ProfileProblem {
  path: string;
  message: string;
}

export type ProfileParse = { ok: true; profile: ProfileFile } | { ok: false; problems: ProfileProblem[] };

export function profileFile(wallId: string, name: string, calibration: Calibration, savedAt: Date): ProfileFile {
  return { format: PROFILE_FORMAT, version: 1, wallId, name, savedAt: savedAt.toISOString(), calibration };
}

/** Read a profile file for `wall`: JSON, then the schema, then whether it fits this wall. */
export function parseProfileText(text: string, wall: WallConfig): ProfileParse {
  if (text.length > MAX_PROFILE_TEXT) return bad('(file)', `the file is ${text.length} characters; a profile is at most ${MAX_PROFILE_TEXT}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return bad('(file)', `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ProfileFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message })) };
  }
  const problems = fitProblems(parsed.data, wall);
  return problems.length ? { ok: false, problems } : { ok: true, profile: parsed.data };
}

/** What a well-formed profile gets wrong about this particular wall. */
export function fitProblems(profile: ProfileFile, wall: WallConfig): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (profile.wallId !== wall.id) problems.push({ path: 'wallId', message: `the profile is for wall "${profile.wallId}"; this wall is "${wall.id}"` });
  const byId = new Map(wall.screens.map((s) => [s.id, s]));
  for (const [id, c] of Object.entries(profile.calibration.screens)) {
    const screen = byId.get(id);
    const path = `calibration.screens.${id}`;
    if (!screen) {
      problems.push({ path, message: `this wall has no screen "${id}" (screens: ${[...byId.keys()].join(', ')})` });
      continue;
    }
    const b = c.bezelMm;
    if (b && (b.left + b.right >= screen.activeAreaMm.width || b.top + b.bottom >= screen.activeAreaMm.height)) {
      problems.push({ path: `${path}.bezelMm`, message: `bezels wider than the screen's active area (${screen.activeAreaMm.width} × ${screen.activeAreaMm.height} mm)` });
    }
    const o = c.overscan;
    if (2 * o.x >= screen.resolution.width || 2 * o.y >= screen.resolution.height) {
      problems.push({ path: `${path}.overscan`, message: `overscan leaves nothing of a ${screen.resolution.width} × ${screen.resolution.height} px screen` });
    }
  }
  return problems;
}

/** Problems as one message, a problem a line ("path: message"): how they cross the contract in an error. */
export function formatProblems(problems: readonly ProfileProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

export function splitProblems(message: string): string[] {
  return message.split('\n').filter(Boolean);
}

const bad = (path: string, message: string): ProfileParse => ({ ok: false, problems: [{ path, message }] });

// As contract.ts's formatPath (imported from there it would make an import cycle through the contract).
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

