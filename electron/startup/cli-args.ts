import { fail, ok, type Result } from '../../common/result.js';

// Command-line flags shared by the Electron app and the web host CLI. Unknown flags are errors:
// a misspelt --wal must not silently start the demo wall in a control room.

export interface CliArgs {
  wall?: string;
  /** The node configuration: which PC this is and which screens it drives (config/nodes/*.json). */
  node?: string;
  layout?: string;
  db?: string;
  host?: string;
  port?: number;
  /** PEM certificate and key for HTTPS/WSS (docs/security.md). */
  'tls-cert'?: string;
  'tls-key'?: string;
  /** The CA file a node checks its hub's certificate against. */
  'hub-ca'?: string;
  /** Origins besides the host's own that may open its WebSocket (comma-separated list). */
  'allowed-origin'?: string[];
  kiosk: boolean;
  windowed: boolean;
  help: boolean;
  'insecure-lan': boolean;
}

const valueFlags = {
  wall: 'a file', layout: 'a file', db: 'a file', host: 'an address', port: 'a number', node: 'a file',
  'tls-cert': 'a PEM file', 'tls-key': 'a PEM file', 'hub-ca': 'a PEM file', 'allowed-origin': 'origins',
} as const;
const switchFlags = ['kiosk', 'windowed', 'help', 'insecure-lan'] as const;
type ValueFlag = keyof typeof valueFlags;
type SwitchFlag = (typeof switchFlags)[number];

const isValueFlag = (name: string): name is ValueFlag => Object.hasOwn(valueFlags, name);
const isSwitchFlag = (name: string): name is SwitchFlag => (switchFlags as readonly string[]).includes(name);
const allFlags = [...Object.keys(valueFlags), ...switchFlags];

export const cliUsage = [
  'Options:',
  '  --wall <file>     wall configuration (config/walls/*.json)',
  '  --node <file>     this PC\'s node configuration: its id and the screens it drives (config/nodes/*.json)',
  '  --layout <file>   layout to show first (config/layouts/*.json)',
  '  --db <file>       SQLite database file',
  '  --kiosk           console in kiosk mode: fullscreen, no menu',
  '  --windowed        show wall screens as scaled preview windows (a laptop demo)',
  '  --port <n>        web host port (0 picks a free one)',
  '  --host <address>  web host address (default 127.0.0.1); beyond loopback it needs --tls-cert and --tls-key',
  '  --tls-cert <file> PEM certificate from the centre\'s CA: the web host serves HTTPS and WSS',
  '  --tls-key <file>  its PEM private key',
  '  --insecure-lan    serve cleartext HTTP on a non-loopback --host anyway (the console warns)',
  '  --allowed-origin <origin,…>  other origins allowed to open the WebSocket (e.g. https://wall.ioc.local)',
  '  --hub-ca <file>   CA certificate the hub\'s certificate is checked against (with TOAN_CANH_HUB=https://…)',
  '  --help            this list',
].join('\n');

export interface ParseOptions {
  /** Flags another program consumes (Chromium switches in Electron): skipped, not refused. */
  ignore?: (arg: string) => boolean;
}

export function parseCliArgs(argv: readonly string[], options: ParseOptions = {}): Result<CliArgs> {
  const args: CliArgs = { kiosk: false, windowed: false, help: false, 'insecure-lan': false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (options.ignore?.(arg)) continue;
    if (arg === '-h') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('--')) return fail('cli', `unexpected argument "${arg}"; flags start with --, e.g. --wall ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (seen.has(name)) return fail('cli', `--${name} is given twice; give it once`);
    seen.add(name);
    if (isSwitchFlag(name)) {
      if (eq !== -1) return fail('cli', `--${name} takes no value; write just --${name}`);
      args[name] = true;
      continue;
    }
    if (!isValueFlag(name)) return fail('cli', unknownFlag(name));
    let value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') return fail('cli', `--${name} needs ${valueFlags[name]}, e.g. --${name} ${example[name]}`);
    const stored = store(args, name, value);
    if (!stored.ok) return stored;
  }
  return ok(args);
}

const example: Record<ValueFlag, string> = {
  wall: 'config/walls/demo-2x2.json',
  node: 'config/nodes/demo-2x2-row-a.json',
  layout: 'config/layouts/demo-2x2-normal.json',
  db: 'data/toan-canh.db',
  host: '0.0.0.0',
  port: '8080',
  'tls-cert': '/etc/toan-canh/tls/wall.crt',
  'tls-key': '/etc/toan-canh/tls/wall.key',
  'hub-ca': '/etc/toan-canh/tls/ca.crt',
  'allowed-origin': 'https://wall.ioc.local',
};

function store(args: CliArgs, name: ValueFlag, value: string): Result<null> {
  if (name === 'allowed-origin') {
    const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
    for (const origin of origins) {
      let url: URL | null = null;
      try {
        url = new URL(origin);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) {
        return fail('cli', `--allowed-origin takes origins like https://wall.ioc.local:4280 (scheme, host, optional port; no path), not "${origin}"`);
      }
    }
    args[name] = origins;
    return ok(null);
  }
  if (name !== 'port') {
    args[name] = value;
    return ok(null);
  }
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) return fail('cli', `--port must be a whole number from 0 to 65535, not "${value}"`);
  args.port = port;
  return ok(null);
}

function unknownFlag(name: string): string {
  const near = allFlags.find((f) => editDistance(f, name) <= 2);
  const hint = near ? `did you mean --${near}? ` : '';
  return `unknown option --${name}; ${hint}known options: ${allFlags.map((f) => `--${f}`).join(' ')}`;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * The user's own arguments from Electron's process.argv: after the app path when run as
 * `electron <app> …` (defaultApp), after the binary when packaged.
 */
export function electronUserArgs(argv: readonly string[], defaultApp: boolean): string[] {
  if (!defaultApp) return argv.slice(1);
  const appIndex = argv.findIndex((arg, i) => i > 0 && !arg.startsWith('-'));
  return appIndex === -1 ? [] : argv.slice(appIndex + 1);
}

// Switches people pass to Chromium or Node through the app binary (e.g. --no-sandbox for an
// AppImage on some distributions, --inspect for debugging): Electron acts on them, we skip them.
const chromiumSwitches = /^--(no-sandbox|disable-gpu|disable-gpu-sandbox|enable-logging|v|vmodule|inspect|inspect-brk|remote-debugging-port|ozone-platform|ozone-platform-hint|enable-features|disable-features|use-gl|use-angle|ignore-gpu-blocklist|disable-dev-shm-usage|lang|force-device-scale-factor|high-dpi-support)(=.*)?$/;

export const isChromiumSwitch = (arg: string): boolean => chromiumSwitches.test(arg);
