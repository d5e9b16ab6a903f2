import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/console-test.js';
import { AuditPage } from './pages/audit-page.js';
import { ConsolePage } from './pages/console-page.js';

const run = promisify(execFile);
// The command a person runs on the app's database.
const verifyCli = (db: string) =>
  run('npm', ['run', '--silent', 'audit:verify', '--', '--db', db]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

test.describe('the audit log', () => {
  test.slow();

  test('is filtered and exported, verifies, and names the row after someone alters it in the database', async ({ context, wall }) => {
    // Something to find: a failed sign-in and an operator's refused command.
    const stranger = await ConsolePage.open(context, wall.host.consoleUrl);
    await stranger.login.submit(ACCOUNTS.operator.username, 'sai-mat-khau');
    await expect(stranger.login.error()).toHaveAttribute('data-code', 'auth/bad-credentials');

    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.leader);
    await console_.openArea('audit');
    const audit = new AuditPage(console_.page);
    await audit.filterAction('auth:login');
    await expect(audit.rows().first()).toHaveAttribute('data-action', 'auth:login');
    await expect(console_.page.locator('[data-testid="audit-row"][data-action="auth:login"][data-ok="false"]').first()).toBeVisible();

    const download = console_.page.waitForEvent('download');
    await console_.page.getByTestId('audit-export').click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFSTT,Thời gian,Người thực hiện,Vai trò,Thao tác')).toBe(true);
    expect(csv).toContain(`,${ACCOUNTS.leader.username},leader,auth:login,`);

    const db = path.join(wall.host.dir, 'wall.db');
    expect(await audit.verify()).toEqual({ ok: true, seq: null });
    expect(await verifyCli(db)).toMatchObject({ code: 0, out: expect.stringMatching(/^audit log OK: \d+ row\(s\)/) });

    // Someone with the database file removes the guard and rewrites what happened.
    const raw = new Database(db);
    try {
      raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2");
    } finally {
      raw.close();
    }
    expect(await audit.verify()).toEqual({ ok: false, seq: 2 });
    await expect(console_.page.getByTestId('audit-verify-result')).toContainText('2');
    expect(await verifyCli(db)).toMatchObject({ code: 1, out: expect.stringContaining('BROKEN at row 2') });
  });
});
