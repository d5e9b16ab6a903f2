// npm run protocol:schema — writes docs/schema/ from the zod schemas (common/protocol/json-schemas.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocolSchemaFiles, schemaIndex } from '../common/protocol/json-schemas.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schema');
fs.rmSync(dir, { recursive: true, force: true });
const files = protocolSchemaFiles();
for (const f of files) {
  const target = path.join(dir, f.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(f.schema, null, 2)}\n`);
}
fs.writeFileSync(path.join(dir, 'README.md'), schemaIndex(files));
console.log(`wrote ${files.length} schemas to ${path.relative(process.cwd(), dir)}`);
