import { z } from 'zod';
import { panelPropSchemas } from '../panels/registry.js';
import { LayoutSchema } from '../wall/layout-schema.js';
import { WallSchema } from '../wall/schema.js';
import { hubEvents, nodeEvents } from './events.js';
import { HandshakeAuthSchema, RefusalSchema } from './handshake.js';

// The protocol's shapes as JSON Schema (draft 2020-12), generated from the same zod schemas both ends
// check, so a province writing its own hub or node in another language need not read our source.
// `npm run protocol:schema` writes them to docs/schema/; a unit test fails when they are stale.

export interface SchemaFile {
  /** Path under docs/schema/. */
  path: string;
  title: string;
  schema: unknown;
}

const fileName = (event: string): string => event.replace(/:/g, '.');

function file(path: string, title: string, type: z.ZodType): SchemaFile {
  // Input shapes: what a sender must produce (defaults may be left out).
  const schema = z.toJSONSchema(type, { unrepresentable: 'any', io: 'input', target: 'draft-2020-12' });
  return { path, title, schema: { ...schema, title } };
}

export function protocolSchemaFiles(): SchemaFile[] {
  const files: SchemaFile[] = [
    file('handshake-auth.json', 'Handshake auth (node → hub, socket.io handshake `auth`), protocol §2', HandshakeAuthSchema),
    file('refusal.json', 'Refusal (`connect_error` data), protocol §2', RefusalSchema),
  ];
  for (const [event, shapes] of Object.entries(nodeEvents)) {
    files.push(file(`node/${fileName(event)}.payload.json`, `\`${event}\` payload (node → hub)`, shapes.payload));
    files.push(file(`node/${fileName(event)}.answer.json`, `\`${event}\` answer value (inside { ok: true, value })`, shapes.ack));
  }
  for (const [event, payload] of Object.entries(hubEvents)) files.push(file(`hub/${fileName(event)}.json`, `\`${event}\` payload (hub → node)`, payload));
  files.push(file('layout.json', 'Layout (a scenario\'s `layout`): panels on the wall canvas, in canvas px', LayoutSchema));
  files.push(file('wall.json', 'Wall (config/walls/<id>.json): screens, bezels and the canvas they make', WallSchema));
  for (const [type, props] of Object.entries(panelPropSchemas)) files.push(file(`panels/${type}.json`, `Props of a \`${type}\` panel`, props as z.ZodType));
  return files;
}

/** docs/schema/README.md: what each file is. */
export function schemaIndex(files: readonly SchemaFile[]): string {
  const lines = files.map((f) => `- [${f.path}](${f.path}): ${f.title}`);
  return `# Protocol schemas (generated)\n\nJSON Schema (draft 2020-12) of every shape in [protocol.md](../protocol.md), generated from \`common/protocol/\`,\n\`common/wall/\` and \`common/panels/\` by \`npm run protocol:schema\`. Objects are strict: a field not listed is an error.\nPanel types are the file names under \`panels/\`; a panel's \`props\` must match its type's schema.\n\n${lines.join('\n')}\n`;
}
