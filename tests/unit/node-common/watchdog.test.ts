import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exitOnFatal, FATAL_EXIT_CODE, type FatalEvents } from '../../../node-common/fatal-exit.js';
import { memoryLogger } from '../../../node-common/log.js';
import { httpAnswers, startWatchdog, type HealthCheck, type Watchdog } from '../../../node-common/watchdog.js';

describe('startWatchdog', () => {
  let dog: Watchdog | null = null;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    dog?.close();
    vi.useRealTimers();
  });

  function start(checks: HealthCheck[], intervalMs = 1000) {
    const fed = { count: 0 };
    const log = memoryLogger();
    dog = startWatchdog({ notifier: { watchdog: async () => void fed.count++ }, intervalMs, checks, log, now: () => Date.now() });
    return { fed, log };
  }

  it('feeds systemd at once, then at every interval while every check passes', async () => {
    const { fed } = start([() => null, async () => null]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fed.count).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(fed.count).toBe(4);
  });

  it('stops feeding while a check fails, says why once, and feeds again when it clears', async () => {
    let screens: string | null = null;
    const { fed, log } = start([() => screens]);
    await vi.advanceTimersByTimeAsync(1000);
    screens = 'screen windows not answering for more than 45 s: A1 (50 s)';
    await vi.advanceTimersByTimeAsync(3000);
    expect(fed.count).toBe(2);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([expect.objectContaining({ reasons: [screens] })]);
    screens = null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fed.count).toBe(3);
    expect(log.lines.at(-1)).toMatchObject({ msg: 'feeding the systemd watchdog again' });
  });

  it('does not feed when a check never answers, or throws', async () => {
    const { fed, log } = start([() => new Promise<string | null>(() => undefined)], 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(600);
    expect(fed.count).toBe(0);
    expect(log.lines[0]).toMatchObject({ reasons: ['a health check did not answer within 500 ms'] });
    dog?.close();
    const thrown = start([() => { throw new Error('core closed'); }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(thrown.fed.count).toBe(0);
    expect(thrown.log.lines[0]).toMatchObject({ reasons: ['a health check failed: core closed'] });
  });

  it('does not feed when its tick comes far too late (a starved event loop)', async () => {
    const { fed, log } = start([() => null]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fed.count).toBe(1);
    expect(await dog!.tick(1500)).toEqual(['event loop 1500 ms late']);
    expect(fed.count).toBe(1);
    expect(log.lines[0]).toMatchObject({ reasons: ['event loop 1500 ms late'] });
    expect(await dog!.tick(200)).toEqual([]);
    expect(fed.count).toBe(2);
  });

  it('stops ticking when closed', async () => {
    const { fed } = start([() => null]);
    dog!.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fed.count).toBe(0);
  });
});

describe('httpAnswers', () => {
  it('passes while the server answers (any status), fails once it is gone', async () => {
    const server = http.createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const check = httpAnswers(url, 2000);
    expect(await check()).toBeNull();
    await new Promise((resolve) => server.close(resolve));
    expect(await check()).toMatch(new RegExp(`^${url} does not answer: .*ECONNREFUSED`));
  });

  it('fails when the server accepts but never replies', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await httpAnswers(url, 200)()).toBe(`${url} does not answer: no answer within 200 ms`);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('exitOnFatal', () => {
  it('logs an uncaught exception and exits with 70, once even if faults follow', () => {
    const events = new EventEmitter();
    const log = memoryLogger();
    const exit = vi.fn();
    exitOnFatal({ log, exit, events: events as unknown as FatalEvents });
    events.emit('uncaughtException', new Error('db handle gone'));
    events.emit('unhandledRejection', new Error('second'));
    expect(FATAL_EXIT_CODE).toBe(70);
    expect(exit.mock.calls).toEqual([[70]]);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', exitCode: 70, error: expect.stringContaining('db handle gone') })]);
    expect(log.lines[0]!.msg).toContain('uncaught exception');
  });

  it('treats an unhandled rejection as fatal too', () => {
    const events = new EventEmitter();
    const log = memoryLogger();
    const exit = vi.fn();
    exitOnFatal({ log, exit, events: events as unknown as FatalEvents });
    events.emit('unhandledRejection', 'socket closed');
    expect(exit).toHaveBeenCalledWith(70);
    expect(log.lines[0]).toMatchObject({ error: 'socket closed', msg: expect.stringContaining('unhandled promise rejection') });
  });
});
