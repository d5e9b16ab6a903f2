import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolSchemaFiles, schemaIndex } from '../../../common/protocol/json-schemas.js';

const dir = path.resolve(import.meta.dirname, '../../../docs/schema');
const listed = (d: string): string[] => fs.readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('docs/schema (JSON Schema of the protocol)', () => {
  const files = protocolSchemaFiles();

  it('is what the zod schemas generate now (run `npm run protocol:schema` after changing them)', () => {
    for (const f of files) expect(fs.readFileSync(path.join(dir, f.path), 'utf8'), f.path).toBe(`${JSON.stringify(f.schema, null, 2)}\n`);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(schemaIndex(files));
    expect(listed(dir), 'no file left from a schema that is gone').toEqual([...files.map((f) => f.path), 'README.md'].sort());
  });

  it('covers every event both ways, the layout, the wall and every panel type', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('node/clock.sync.answer.json');
    expect(paths).toContain('hub/wall.activation.json');
    expect(paths).toContain('panels/camera.json');
    expect(paths).toContain('wall.json');
  });

  it('keeps objects strict, as the protocol says: an unknown field is an error', () => {
    const auth = files.find((f) => f.path === 'handshake-auth.json')?.schema as { additionalProperties?: unknown; required?: string[] };
    expect(auth.additionalProperties).toBe(false);
    expect(auth.required).toEqual(expect.arrayContaining(['token', 'protocol', 'nodeId', 'wallId', 'screens']));
    const answer = files.find((f) => f.path === 'node/clock.sync.answer.json')?.schema as { required?: string[] };
    expect(answer.required).toEqual(['t0', 't1', 't2']);
  });
});
