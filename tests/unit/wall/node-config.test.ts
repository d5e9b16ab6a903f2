import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultNodeId, loadNodeConfig } from '../../../electron/startup/node-config.js';
import { parseCliArgs } from '../../../electron/startup/cli-args.js';
import { demo } from './wall-fixtures.js';

// Which PC this is and which screens it drives: the file, the environment over it, and every mistake named.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function nodeFile(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-config-'));
  dirs.push(dir);
  const file = path.join(dir, 'node.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}
const wall = demo();

describe('loadNodeConfig', () => {
  it('without a file or variables, drives every screen of the wall under the host name', () => {
    const node = loadNodeConfig({ env: {}, wall });
    expect(node).toEqual({ ok: true, value: { nodeId: defaultNodeId('demo-2x2'), screens: ['A1', 'A2', 'B1', 'B2'], partial: false, allowLocalActivation: false, source: 'defaults' } });
    expect(defaultNodeId('demo-2x2')).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*-demo-2x2$/);
  });

  it("reads the demo's row files: each PC its own row, in the wall's order", () => {
    const a = loadNodeConfig({ file: 'config/nodes/demo-2x2-row-a.json', env: {}, wall });
    const b = loadNodeConfig({ file: 'config/nodes/demo-2x2-row-b.json', env: {}, wall });
    expect(a.ok && a.value).toMatchObject({ nodeId: 'demo-row-a', screens: ['A1', 'A2'], partial: true });
    expect(b.ok && b.value).toMatchObject({ nodeId: 'demo-row-b', screens: ['B1', 'B2'], partial: true });
    const reversed = loadNodeConfig({ file: nodeFile({ schemaVersion: 1, screens: ['B2', 'A1'] }), env: {}, wall });
    expect(reversed.ok && reversed.value.screens).toEqual(['A1', 'B2']);
  });

  it('lets the environment override the file, field by field (TOAN_CANH_NODE_FILE names the file)', () => {
    const file = nodeFile({ schemaVersion: 1, nodeId: 'pc-01', screens: ['A1'], localActivation: true });
    const node = loadNodeConfig({ env: { TOAN_CANH_NODE_FILE: file, TOAN_CANH_NODE_SCREENS: 'B1, B2', TOAN_CANH_LOCAL_ACTIVATION: '0' }, wall });
    expect(node.ok && node.value).toEqual({ nodeId: 'pc-01', screens: ['B1', 'B2'], partial: true, allowLocalActivation: false, source: `${file} + TOAN_CANH_NODE_SCREENS + TOAN_CANH_LOCAL_ACTIVATION` });
    const renamed = loadNodeConfig({ file, env: { TOAN_CANH_NODE_ID: 'pc-02' }, wall });
    expect(renamed.ok && renamed.value).toMatchObject({ nodeId: 'pc-02', screens: ['A1'], allowLocalActivation: true });
  });

  it('names the file, the field and the fix for every mistake', () => {
    const message = (r: ReturnType<typeof loadNodeConfig>) => (r.ok ? 'accepted' : r.error.message);
    const unknown = nodeFile({ schemaVersion: 1, screens: ['A1', 'C9'] });
    expect(message(loadNodeConfig({ file: unknown, env: {}, wall }))).toBe(`${unknown}: screens: "C9" is not a screen of wall "demo-2x2" (its screens: A1, A2, B1, B2); fix the id or the wall file`);
    expect(message(loadNodeConfig({ env: { TOAN_CANH_NODE_SCREENS: 'A1,A1' }, wall }))).toBe('TOAN_CANH_NODE_SCREENS="A1,A1": A1 listed twice; list each screen once');
    const misspelt = nodeFile({ schemaVersion: 1, screen: ['A1'] });
    expect(message(loadNodeConfig({ file: misspelt, env: {}, wall }))).toBe(`${misspelt}: (root): unknown field "screen"; check its spelling (names are case-sensitive) or remove it`);
    const otherWall = nodeFile({ schemaVersion: 1, wallId: 'hall-b', screens: ['A1'] });
    expect(message(loadNodeConfig({ file: otherWall, env: {}, wall }))).toContain('wallId: this node is for wall "hall-b" but the wall file is "demo-2x2"');
    expect(message(loadNodeConfig({ file: nodeFile('{ "schemaVersion": 1,'), env: {}, wall }))).toMatch(/not valid JSON at line 1/);
    expect(message(loadNodeConfig({ file: '/nonexistent/node.json', env: {}, wall }))).toContain('file not found: /nonexistent/node.json; check --node (or TOAN_CANH_NODE_FILE)');
    expect(message(loadNodeConfig({ env: { TOAN_CANH_NODE_ID: 'pc 01' }, wall }))).toContain('TOAN_CANH_NODE_ID "pc 01": use 1–64 letters');
    expect(message(loadNodeConfig({ env: { TOAN_CANH_LOCAL_ACTIVATION: 'yes' }, wall }))).toBe('TOAN_CANH_LOCAL_ACTIVATION must be 1 (allow) or 0 (refuse), not "yes"');
  });

  it('is given by --node on the command line', () => {
    expect(parseCliArgs(['--node', 'config/nodes/demo-2x2-row-b.json'])).toMatchObject({ ok: true, value: { node: 'config/nodes/demo-2x2-row-b.json' } });
  });
});
