import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules are what keep renderer/ and common/ free of Electron and Node: prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('refuse electron and Node imports in renderer/', async () => {
    const found = await restrictedImports('renderer/x.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nexport const y = [app, fs];\n");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/renderer\/ runs in the page/);
  });

  it('refuse Node and other layers in common/', async () => {
    const code = "import path from 'path';\nimport { createLogger } from '../electron/core/log.js';\nexport const y = [path, createLogger];\n";
    const found = await restrictedImports('common/x.ts', code);
    expect(found).toEqual([expect.stringMatching(/no Node APIs/), expect.stringMatching(/imports nothing from other layers/)]);
  });

  it('keep electron out of the plain-Node core but allow it in the shell', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImports('electron/core/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/shell/x.ts', code)).toHaveLength(0);
  });

  it('let common/ import zod and itself', async () => {
    const code = "import { z } from 'zod';\nimport { ok } from './result.js';\nexport const y = [z, ok];\n";
    expect(await restrictedImports('common/x.ts', code)).toHaveLength(0);
  });
});
