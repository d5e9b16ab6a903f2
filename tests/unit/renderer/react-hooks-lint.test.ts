import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// eslint.config.js turns on react-hooks for renderer/: prove both rules bite there, as errors.
const eslint = new ESLint({ cwd: process.cwd() });

async function hookProblems(filePath: string, code: string): Promise<Array<{ rule: string | null; severity: number }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('react-hooks/')).map((m) => ({ rule: m.ruleId, severity: m.severity }));
}

describe('react-hooks lint', () => {
  it('refuses a hook called conditionally and an effect that misses what it reads', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      'export function Panel({ on, id }: { on: boolean; id: string }) {',
      '  if (on) useState(0);',
      '  useEffect(() => console.log(id), []);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    expect(await hookProblems('renderer/panels/x.tsx', code)).toEqual([
      { rule: 'react-hooks/rules-of-hooks', severity: 2 },
      { rule: 'react-hooks/exhaustive-deps', severity: 2 },
    ]);
  });

  it('treats a function named use… as a hook, so a plain handler must not be named so', async () => {
    const code = "export function Form({ save }: { save: () => void }) {\n  return <button onClick={() => useLayout()}>{String(save)}</button>;\n  function useLayout() { save(); }\n}\n";
    expect((await hookProblems('renderer/console/x.tsx', code)).map((p) => p.rule)).toEqual(['react-hooks/rules-of-hooks']);
  });

  it('checks the deps of usePaintEffect like those of an effect', async () => {
    const code = "import { usePaintEffect } from '../ui/use-painted.js';\nexport function Page({ id }: { id: string }) {\n  usePaintEffect(() => console.log(id), []);\n  return null;\n}\n";
    expect((await hookProblems('renderer/screen/x.tsx', code)).map((p) => p.rule)).toEqual(['react-hooks/exhaustive-deps']);
  });

  it('passes a component that follows both rules', async () => {
    const code = "import { useEffect } from 'react';\nexport function Panel({ id }: { id: string }) {\n  useEffect(() => console.log(id), [id]);\n  return null;\n}\n";
    expect(await hookProblems('renderer/panels/x.tsx', code)).toEqual([]);
  });
});
