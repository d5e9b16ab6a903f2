import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { IdSchema, ScreenIdSchema } from '../../common/protocol/primitives.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { WallConfig } from '../../common/wall/schema.js';
import { readJsonFile } from '../../node-common/json-file.js';
import { validateWith } from './config-loader.js';

// Which PC this is and which screens of the wall it drives: one place for the Electron app, the web
// host and the hub link. A wall driven by several PCs gives each its own file (config/nodes/*.json,
// `--node <file>`); the environment overrides a field (TOAN_CANH_NODE_ID, TOAN_CANH_NODE_SCREENS,
// TOAN_CANH_LOCAL_ACTIVATION). Without either, this PC drives every screen of the wall.

export const NodeFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Stable across restarts: the hub knows the node by it (default: host name + wall id). */
  nodeId: IdSchema.optional(),
  /** The wall these screens belong to; checked against the wall file so a PC is not given another wall's file. */
  wallId: IdSchema.optional(),
  /** The screens this PC drives (default: all of the wall's). */
  screens: z.array(ScreenIdSchema).min(1).max(256).optional(),
  /** Allow a leader to apply a scenario on this node alone while the hub is unreachable (docs/protocol.md §8). */
  localActivation: z.boolean().optional(),
});
export type NodeFile = z.infer<typeof NodeFileSchema>;

export interface NodeConfig {
  nodeId: string;
  /** This PC's screens, in the wall's order. */
  screens: string[];
  /** True when the node drives only some of the wall's screens. */
  partial: boolean;
  allowLocalActivation: boolean;
  /** Where the settings came from, for the log: the file, the environment variables, or "defaults". */
  source: string;
}

export interface NodeConfigInput {
  /** --node <file>, or TOAN_CANH_NODE_FILE. */
  file?: string | undefined;
  env: NodeJS.ProcessEnv;
  wall: WallConfig;
}

/** This PC's name as a node id (letters, digits, "-", "_"). */
export function defaultNodeId(wallId: string): string {
  const host = os.hostname().replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return `${host || 'node'}-${wallId}`.slice(0, 64);
}

/** The node's configuration, or an error naming the file (or variable), the field and the fix. */
export function loadNodeConfig(input: NodeConfigInput): Result<NodeConfig> {
  const { env, wall } = input;
  const fileName = input.file ?? (env.TOAN_CANH_NODE_FILE || undefined);
  const sources: string[] = [];
  let file: NodeFile = { schemaVersion: 1 };
  let where = 'node configuration';
  if (fileName) {
    const abs = path.resolve(fileName);
    const json = readJsonFile(abs, 'check --node (or TOAN_CANH_NODE_FILE), or start from config/nodes/demo-2x2-row-a.json');
    if (!json.ok) return json;
    const checked = validateWith(NodeFileSchema, json.value, abs);
    if (!checked.ok) return checked;
    file = checked.value;
    where = abs;
    sources.push(abs);
  }
  if (file.wallId !== undefined && file.wallId !== wall.id) {
    return fail('config/invalid', `${where}: wallId: this node is for wall "${file.wallId}" but the wall file is "${wall.id}"; give this PC the node file of its wall, or fix wallId`, where);
  }

  const envId = env.TOAN_CANH_NODE_ID;
  if (envId !== undefined && envId !== '') {
    const id = IdSchema.safeParse(envId);
    if (!id.success) return fail('config/invalid', `TOAN_CANH_NODE_ID "${envId.slice(0, 80)}": use 1–64 letters, digits, "-" or "_", starting with a letter or digit`, 'TOAN_CANH_NODE_ID');
    sources.push('TOAN_CANH_NODE_ID');
  }
  let screens = file.screens;
  let screensFrom = `${where}: screens`;
  const envScreens = env.TOAN_CANH_NODE_SCREENS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (envScreens?.length) {
    screens = envScreens;
    screensFrom = `TOAN_CANH_NODE_SCREENS="${env.TOAN_CANH_NODE_SCREENS ?? ''}"`;
    sources.push('TOAN_CANH_NODE_SCREENS');
  }
  const local = env.TOAN_CANH_LOCAL_ACTIVATION;
  if (local !== undefined && local !== '') {
    if (local !== '0' && local !== '1') return fail('config/invalid', `TOAN_CANH_LOCAL_ACTIVATION must be 1 (allow) or 0 (refuse), not "${local.slice(0, 20)}"`, 'TOAN_CANH_LOCAL_ACTIVATION');
    sources.push('TOAN_CANH_LOCAL_ACTIVATION');
  }

  const known = wall.screens.map((s) => s.id);
  if (screens) {
    const unknown = screens.filter((s) => !known.includes(s));
    if (unknown.length) return fail('config/invalid', `${screensFrom}: ${unknown.map((s) => `"${s}"`).join(', ')} ${unknown.length > 1 ? 'are not screens' : 'is not a screen'} of wall "${wall.id}" (its screens: ${known.join(', ')}); fix the id or the wall file`, screensFrom);
    const twice = screens.filter((s, i) => screens.indexOf(s) !== i);
    if (twice.length) return fail('config/invalid', `${screensFrom}: ${twice.join(', ')} listed twice; list each screen once`, screensFrom);
  }
  const mine = screens ? known.filter((s) => screens.includes(s)) : known;
  return ok({
    nodeId: envId || file.nodeId || defaultNodeId(wall.id),
    screens: mine,
    partial: mine.length < known.length,
    allowLocalActivation: local ? local === '1' : (file.localActivation ?? false),
    source: sources.length ? sources.join(' + ') : 'defaults',
  });
}
