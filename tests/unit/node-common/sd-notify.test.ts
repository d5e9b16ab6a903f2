import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../../node-common/log.js';
import { createNotifier, systemdNotifyExec, watchdogIntervalMs, type NotifyExec } from '../../../node-common/sd-notify.js';

function recorder(fail?: Error) {
  const calls: string[][] = [];
  const exec: NotifyExec = (args) => {
    calls.push(args);
    return fail ? Promise.reject(fail) : Promise.resolve();
  };
  return { calls, exec };
}

const underSystemd = { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '60000000', WATCHDOG_PID: '4242' };

describe('createNotifier', () => {
  it('does nothing when no service manager listens (NOTIFY_SOCKET unset)', async () => {
    const { calls, exec } = recorder();
    const notifier = createNotifier({ env: { WATCHDOG_USEC: '60000000' }, pid: 4242, exec });
    await notifier.ready('4 screens');
    await notifier.watchdog();
    await notifier.stopping();
    expect(notifier.enabled).toBe(false);
    expect(notifier.watchdogIntervalMs).toBeNull();
    expect(calls).toEqual([]);
  });

  it('sends READY, WATCHDOG, STATUS and STOPPING through systemd-notify, naming our pid', async () => {
    const { calls, exec } = recorder();
    const notifier = createNotifier({ env: underSystemd, pid: 4242, exec });
    await notifier.ready('4 screens');
    await notifier.watchdog();
    await notifier.status('busy');
    await notifier.stopping();
    expect(notifier.enabled).toBe(true);
    expect(calls).toEqual([
      ['--pid=4242', 'READY=1', 'STATUS=4 screens'],
      ['--pid=4242', 'WATCHDOG=1'],
      ['--pid=4242', 'STATUS=busy'],
      ['--pid=4242', 'STOPPING=1'],
    ]);
  });

  it('does not pile up watchdog pings while one is still being sent', async () => {
    const calls: string[][] = [];
    let finish: () => void = () => undefined;
    const exec: NotifyExec = (args) => {
      calls.push(args);
      return new Promise((resolve) => (finish = resolve));
    };
    const notifier = createNotifier({ env: underSystemd, pid: 4242, exec });
    const first = notifier.watchdog();
    await notifier.watchdog();
    expect(calls).toHaveLength(1);
    finish();
    await first;
    void notifier.watchdog();
    expect(calls).toHaveLength(2);
  });

  it('logs a failing systemd-notify once per run of failures, not at every ping', async () => {
    const log = memoryLogger();
    const { exec } = recorder(new Error('spawn systemd-notify ENOENT'));
    const notifier = createNotifier({ env: underSystemd, pid: 4242, exec, log });
    await notifier.watchdog();
    await notifier.watchdog();
    await notifier.ready();
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ msg: expect.stringContaining('systemd-notify'), error: 'spawn systemd-notify ENOENT' });
  });
});

describe('watchdogIntervalMs', () => {
  it('is half of WatchdogSec, for the process systemd watches only', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '60000000', WATCHDOG_PID: '7' }, 7)).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' }, 7)).toBe(15_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '60000000', WATCHDOG_PID: '8' }, 7)).toBeNull();
    expect(watchdogIntervalMs({}, 7)).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: 'soon' }, 7)).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '0' }, 7)).toBeNull();
  });
});

// The real systemd-notify against a socket of our own: Node cannot listen on a unix datagram socket,
// Python can (it also closes the barrier fd systemd-notify waits on, as systemd does).
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const RECEIVER = `
import socket, os, sys, array
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print('listening', flush=True)
while True:
    msg, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(64))
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array('i'); fds.frombytes(data[:len(data) - len(data) % fds.itemsize])
            for fd in fds: os.close(fd)
    print(repr(msg.decode()), flush=True)
`;

describe('systemd-notify, for real', () => {
  it.skipIf(!has('systemd-notify') || !has('python3'))('delivers READY=1 and WATCHDOG=1 with our pid to NOTIFY_SOCKET (needs systemd-notify and python3)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-notify-'));
    const socket = path.join(dir, 'notify.sock');
    const receiver = spawn('python3', ['-c', RECEIVER, socket]);
    try {
      let out = '';
      receiver.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await vi.waitFor(() => expect(out).toContain('listening'), { timeout: 5000 });
      const notifier = createNotifier({ env: { NOTIFY_SOCKET: socket }, pid: 4242 });
      await notifier.ready();
      await notifier.watchdog();
      await vi.waitFor(() => expect(out).toContain('WATCHDOG=1'), { timeout: 5000 });
      expect(out).toContain(String.raw`'MAINPID=4242\nREADY=1'`);
      expect(out).toContain(String.raw`'MAINPID=4242\nWATCHDOG=1'`);
    } finally {
      receiver.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!has('systemd-notify'))('reports a socket nobody listens on (needs systemd-notify)', async () => {
    await expect(systemdNotifyExec({ NOTIFY_SOCKET: path.join(os.tmpdir(), 'tc-no-such-socket') })(['WATCHDOG=1'])).rejects.toThrow(/^systemd-notify WATCHDOG=1 failed: /);
  });
});
