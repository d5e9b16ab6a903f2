import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestTls } from '../../support/test-tls.js';

// The web host as a person runs it: `tsx electron/web-main.ts --wall … --port 0 --db …`, with the URLs
// read from what it prints. The wall and layout are copies in a temp folder, so a test may edit them.

export interface WebHostProcess {
  origin: string;
  consoleUrl: string;
  screenUrls: Map<string, string>;
  /** The embedded hub's REST base, with a token allowed to activate scenarios. */
  hubUrl: URL;
  tokens: { console: string; screen: string };
  dir: string;
  layoutFile: string;
  /** With `tls`: the CA the host's certificate chains to, for Node clients (WallSocket). */
  ca?: Buffer;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  /** Another layout file for the demo wall (a test that only needs its own overlays keeps the screens light). */
  layout?: string;
  /**
   * Panel types left out of the layout: a test of the wall's geometry or the console need not wait for four
   * screens to compile map shaders on a software renderer and start camera players.
   */
  withoutTypes?: readonly string[];
  /** More environment for the host (e.g. TOAN_CANH_TIME_SCALE, how fast the embedded hub's flood runs). */
  env?: Record<string, string>;
  /** Serve HTTPS/WSS with this test certificate (tests/support/test-tls.ts). */
  tls?: TestTls | null;
  /** How long the host may take to print its URLs (default 30 s; a benchmark on a loaded machine gives more). */
  startTimeoutMs?: number;
}

export async function startWebHostProcess(options: WebHostOptions = {}): Promise<WebHostProcess> {
  const root = process.cwd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-e2e-'));
  const { wallFile, layoutFile, scenariosDir } = prepareWallFiles(dir, options);

  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const args = ['electron/web-main.ts', '--wall', wallFile, '--port', '0', '--db', path.join(dir, 'wall.db')];
  if (options.tls) args.push('--tls-cert', options.tls.certFile, '--tls-key', options.tls.keyFile);
  const child = spawn(tsx, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TOAN_CANH_SCENARIOS_DIR: scenariosDir, ...options.env, FORCE_COLOR: '0' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + String(d)).slice(-20_000)));

  const lines = await printedLines(child, () => stderr, options.startTimeoutMs ?? 30_000);
  const consoleUrl = lines.find((l) => l.startsWith('console '))!.split(' ')[1]!;
  const screenUrls = new Map(lines.filter((l) => l.startsWith('screen ')).map((l) => l.split(' ').slice(1, 3) as [string, string]));
  const first = new URL(consoleUrl);
  const screenToken = new URL([...screenUrls.values()][0]!).searchParams.get('token')!;

  return {
    origin: first.origin,
    consoleUrl,
    screenUrls,
    hubUrl: new URL(lines.find((l) => l.startsWith('hub '))!.split(' ')[1]!),
    tokens: { console: first.searchParams.get('token')!, screen: screenToken },
    dir,
    layoutFile,
    ...(options.tls ? { ca: options.tls.ca } : {}),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo wall's files in `dir` (walls/, layouts/, scenarios/), with `withoutTypes` left out of the layout
 * and of every scenario: what the host is started on, here and in the cold-start benchmark.
 */
export function prepareWallFiles(dir: string, options: Pick<WebHostOptions, 'layout' | 'withoutTypes'> = {}): { wallFile: string; layoutFile: string; scenariosDir: string } {
  const root = process.cwd();
  fs.mkdirSync(path.join(dir, 'walls'));
  fs.mkdirSync(path.join(dir, 'layouts'));
  const wallFile = path.join(dir, 'walls', 'demo-2x2.json');
  const layoutFile = path.join(dir, 'layouts', 'demo-2x2-normal.json');
  fs.copyFileSync(path.join(root, 'config/walls/demo-2x2.json'), wallFile);
  const layout = JSON.parse(fs.readFileSync(path.resolve(root, options.layout ?? 'config/layouts/demo-2x2-normal.json'), 'utf8')) as { panels: { type: string }[] };
  const left = new Set(options.withoutTypes ?? []);
  layout.panels = layout.panels.filter((p) => !left.has(p.type));
  fs.writeFileSync(layoutFile, JSON.stringify(layout, null, 2));
  // The scenarios the embedded hub seeds, with the same panel types left out (and their bindings).
  const scenariosDir = path.join(dir, 'scenarios');
  fs.mkdirSync(scenariosDir);
  for (const file of fs.readdirSync(path.join(root, 'config/scenarios')).filter((f) => f.endsWith('.json'))) {
    const scenario = JSON.parse(fs.readFileSync(path.join(root, 'config/scenarios', file), 'utf8')) as { layout: { panels: { id: string; type: string }[] }; dataBindings?: { panelId?: string }[] };
    scenario.layout.panels = scenario.layout.panels.filter((p) => !left.has(p.type));
    const kept = new Set(scenario.layout.panels.map((p) => p.id));
    if (scenario.dataBindings) scenario.dataBindings = scenario.dataBindings.filter((b) => b.panelId === undefined || kept.has(b.panelId));
    fs.writeFileSync(path.join(scenariosDir, file), JSON.stringify(scenario, null, 2));
  }
  return { wallFile, layoutFile, scenariosDir };
}

/** Stdout lines up to the hub's URL; the first line says how many screens there are. */
function printedLines(child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(`no URLs within ${timeoutMs / 1000} s`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`web host did not start: ${why}\nstdout:\n${out}\nstderr:\n${stderr()}`));
    };
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const lines = out.split('\n').slice(0, -1).filter(Boolean); // complete lines only
      const count = Number(/\((\d+) màn hình/.exec(lines[0] ?? '')?.[1] ?? NaN);
      if (lines.filter((l) => l.startsWith('screen ')).length === count && lines.some((l) => l.startsWith('console ')) && lines.some((l) => l.startsWith('hub '))) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(lines);
      }
    });
  });
}
