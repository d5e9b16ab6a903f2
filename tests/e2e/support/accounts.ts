import type { AccountRole } from '../../../common/auth.js';
import type { WallSocket } from '../../support/wall-socket.js';

// The people the end-to-end tests sign in as. The first administrator is created the way a new
// installation does it (auth:setup while no account exists); the others by that administrator.

export interface TestAccount {
  username: string;
  displayName: string;
  password: string;
  role: AccountRole;
}

export const ACCOUNTS = {
  admin: { username: 'quantri', displayName: 'Quản trị viên E2E', password: 'quan-tri-e2e-2026', role: 'admin' },
  operator: { username: 'vanhanh', displayName: 'Trần Văn Hành', password: 'van-hanh-e2e-2026', role: 'operator' },
  leader: { username: 'lanhdao', displayName: 'Nguyễn Thị Lãnh Đạo', password: 'lanh-dao-e2e-2026', role: 'leader' },
  technician: { username: 'kythuat', displayName: 'Lê Kỹ Thuật', password: 'ky-thuat-e2e-2026', role: 'technician' },
} as const satisfies Record<string, TestAccount>;

async function expectOk(what: string, answer: Promise<{ ok: boolean; error?: { code: string; message: string } }>, allowed: string[] = []): Promise<void> {
  const r = await answer;
  if (!r.ok && !allowed.includes(r.error?.code ?? '')) throw new Error(`${what}: ${r.error?.code} ${r.error?.message}`);
}

/** Sign the socket in as the administrator (creating it on a fresh database) and make sure every test account exists. */
export async function signInAdmin(socket: WallSocket): Promise<void> {
  const { admin } = ACCOUNTS;
  const status = await socket.request('auth:status', {});
  if (!status.ok) throw new Error(`auth:status: ${status.error.message}`);
  if ((status.value as { needsSetup: boolean }).needsSetup) {
    await expectOk('auth:setup', socket.request('auth:setup', { username: admin.username, displayName: admin.displayName, password: admin.password }));
  } else {
    await expectOk('auth:login', socket.request('auth:login', { username: admin.username, password: admin.password }));
  }
  for (const a of [ACCOUNTS.operator, ACCOUNTS.leader, ACCOUNTS.technician]) {
    await expectOk(`accounts:create ${a.username}`, socket.request('accounts:create', a), ['accounts/exists']);
  }
}
