import { describe, expect, it } from 'vitest';
import { electronUserArgs, isChromiumSwitch, parseCliArgs } from '../../../electron/startup/cli-args.js';

const parsed = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const error = (argv: string[], ignore?: (a: string) => boolean) => {
  const r = parseCliArgs(argv, ignore ? { ignore } : {});
  return r.ok ? null : r.error.message;
};

describe('parseCliArgs', () => {
  it('reads every flag, with a space or an equals sign', () => {
    expect(parsed(['--wall', 'w.json', '--layout=l.json', '--db', 'x.db', '--kiosk', '--windowed', '--port', '8080', '--host=0.0.0.0'])).toEqual({
      wall: 'w.json',
      layout: 'l.json',
      db: 'x.db',
      port: 8080,
      host: '0.0.0.0',
      kiosk: true,
      windowed: true,
      help: false,
      'insecure-lan': false,
    });
  });

  it('defaults switches to false and leaves values unset', () => {
    expect(parsed([])).toEqual({ kiosk: false, windowed: false, help: false, 'insecure-lan': false });
    expect(parsed(['-h']).help).toBe(true);
    expect(parsed(['--port', '0']).port).toBe(0);
  });

  it('refuses an unknown flag and suggests the near one', () => {
    expect(error(['--wal', 'w.json'])).toMatch(/^unknown option --wal; did you mean --wall\? known options: --wall --layout/);
    expect(error(['--frobnicate'])).toMatch(/^unknown option --frobnicate; known options:/);
  });

  it('refuses a flag without its value, saying what value it needs', () => {
    expect(error(['--wall'])).toBe('--wall needs a file, e.g. --wall config/walls/demo-2x2.json');
    expect(error(['--db', '--kiosk'])).toMatch(/^--db needs a file/);
    expect(error(['--host='])).toMatch(/^--host needs an address, e.g. --host 0.0.0.0$/);
  });

  it('refuses bad ports, repeats, stray words and values on switches', () => {
    expect(error(['--port', '70000'])).toBe('--port must be a whole number from 0 to 65535, not "70000"');
    expect(error(['--port', '80a'])).toMatch(/not "80a"/);
    expect(error(['--port', '-1'])).toMatch(/not "-1"/);
    expect(error(['--port'])).toBe('--port needs a number, e.g. --port 8080');
    expect(error(['--wall', 'a', '--wall', 'b'])).toBe('--wall is given twice; give it once');
    expect(error(['demo.json'])).toBe('unexpected argument "demo.json"; flags start with --, e.g. --wall demo.json');
    expect(error(['--kiosk=yes'])).toBe('--kiosk takes no value; write just --kiosk');
  });

  it('skips what the ignore option claims, and only that', () => {
    expect(error(['--no-sandbox', '--wall', 'w.json'], isChromiumSwitch)).toBeNull();
    expect(error(['--no-sandbox'])).toMatch(/unknown option --no-sandbox/);
    expect(isChromiumSwitch('--remote-debugging-port=0')).toBe(true);
    expect(isChromiumSwitch('--wall')).toBe(false);
  });
});

describe('electronUserArgs', () => {
  it('takes what follows the app path when run as "electron <app>"', () => {
    expect(electronUserArgs(['/usr/bin/electron', 'dist/electron/main.cjs', '--wall', 'w.json'], true)).toEqual(['--wall', 'w.json']);
    expect(electronUserArgs(['/usr/bin/electron', '--inspect=0', '.', '--kiosk'], true)).toEqual(['--kiosk']);
    expect(electronUserArgs(['/usr/bin/electron'], true)).toEqual([]);
  });

  it('takes everything after the binary when packaged', () => {
    expect(electronUserArgs(['/opt/toan-canh/toan-canh', '--no-sandbox', '--kiosk'], false)).toEqual(['--no-sandbox', '--kiosk']);
  });
});
