import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules keep each runtime in its folder and the wall node and the hub apart: prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importing = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('layer boundaries', () => {
  it('refuse electron and Node imports in renderer/', async () => {
    const found = await restrictedImports('renderer/x.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nexport const y = [app, fs];\n");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/renderer\/ runs in the page/);
  });

  it('refuse Node and other layers in common/', async () => {
    const code = "import path from 'path';\nimport { createLogger } from '../node-common/log.js';\nimport { x } from '../hub/server.js';\nexport const y = [path, createLogger, x];\n";
    const found = await restrictedImports('common/x.ts', code);
    expect(found).toEqual([expect.stringMatching(/no Node APIs/), expect.stringMatching(/imports nothing from other layers/), expect.stringMatching(/imports nothing from other layers/)]);
  });

  it('keep electron out of the plain-Node main process but allow it in the shell', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['electron/wall/x.ts', 'electron/hub-link/x.ts', 'electron/web-host/x.ts', 'electron/shell-policy/x.ts', 'electron/web-main.ts']) {
      expect(await restrictedImports(file, code), file).toEqual([expect.stringMatching(/Only electron\/shell and preload/)]);
    }
    expect(await restrictedImports('electron/shell/x.ts', code)).toHaveLength(0);
  });

  it('let common/ import zod and itself', async () => {
    const code = "import { z } from 'zod';\nimport { ok } from './result.js';\nexport const y = [z, ok];\n";
    expect(await restrictedImports('common/x.ts', code)).toHaveLength(0);
  });
});

describe('the wall node and the hub are peers', () => {
  it('refuse the hub in the wall node, shell included', async () => {
    for (const file of ['electron/hub-link/x.ts', 'electron/wall/db/x.ts', 'electron/shell/windows.ts']) {
      const depth = file.split('/').length - 1;
      expect(await restrictedImports(file, importing(`${'../'.repeat(depth)}hub/server.js`)), file).toEqual([expect.stringMatching(/never imports it/)]);
    }
  });

  it('let only the entry points embed the hub', async () => {
    expect(await restrictedImports('electron/web-main.ts', importing('../hub/server.js'))).toHaveLength(0);
    expect(await restrictedImports('electron/shell/main.ts', importing('../../hub/server.js'))).toHaveLength(0);
  });

  it('refuse the wall node, the page and electron in the hub', async () => {
    expect(await restrictedImports('hub/core.ts', importing('../electron/wall/wall-core.js'))).toEqual([expect.stringMatching(/peer of the wall node/)]);
    expect(await restrictedImports('hub/db/open.ts', importing('../../electron/wall/db/migrations.js'))).toEqual([expect.stringMatching(/peer of the wall node/)]);
    expect(await restrictedImports('hub/x.ts', importing('../renderer/app.js'))).toEqual([expect.stringMatching(/peer of the wall node/)]);
    expect(await restrictedImports('hub/x.ts', importing('electron'))).toEqual([expect.stringMatching(/plain Node/)]);
  });

  it('let the hub use common/ and node-common/', async () => {
    expect(await restrictedImports('hub/x.ts', importing('../node-common/log.js'))).toHaveLength(0);
    expect(await restrictedImports('hub/db/x.ts', importing('../../common/result.js'))).toHaveLength(0);
  });

  it('keep node-common/ free of both sides', async () => {
    for (const spec of ['../electron/wall/wall-core.js', '../hub/server.js', '../renderer/app.js']) {
      expect(await restrictedImports('node-common/x.ts', importing(spec)), spec).toEqual([expect.stringMatching(/shared by the wall node and the hub/)]);
    }
    expect(await restrictedImports('node-common/x.ts', importing('electron'))).toEqual([expect.stringMatching(/any Node process/)]);
    expect(await restrictedImports('node-common/x.ts', importing('../common/result.js'))).toHaveLength(0);
  });

  it('keep page code out of the main process', async () => {
    expect(await restrictedImports('electron/wall/x.ts', importing('../../renderer/app.js'))).toEqual([expect.stringMatching(/does not import page code/)]);
  });
});
