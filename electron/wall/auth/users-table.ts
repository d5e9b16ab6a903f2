import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../common/result.js';
import type { Account, AccountRole } from '../../../common/auth.js';

// The users table: named statements, one module. Passwords are stored only as scrypt hashes.

export interface UserRow {
  username: string;
  display_name: string;
  role: AccountRole;
  password_hash: string;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: AccountRole;
  passwordHash: string;
}

export interface UserChange {
  displayName?: string;
  role?: AccountRole;
  disabled?: boolean;
  passwordHash?: string;
}

export interface UsersTable {
  get(username: string): UserRow | null;
  list(): Account[];
  count(): number;
  /** Fails with accounts/exists when the name is taken. */
  insert(user: NewUser): Result<null>;
  /** Only when no account exists yet (the first administrator): one transaction, so two consoles cannot both do it. */
  insertFirst(user: NewUser): Result<null>;
  /** Refuses a change that would leave no enabled administrator. */
  update(username: string, change: UserChange): Result<null>;
  remove(username: string): Result<null>;
  markLogin(username: string, at: number): void;
}

const COLUMNS = 'username, display_name, role, password_hash, disabled, created_at, last_login_at';

export function toAccount(row: UserRow): Account {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function usersTable(db: Database.Database, now: () => number): UsersTable {
  const s = {
    get: db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = ?`),
    list: db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
    activeAdmins: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0"),
    insert: db.prepare<{ username: string; displayName: string; role: string; hash: string; now: number }>(
      `INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, updated_at)
       VALUES (@username, @displayName, @role, @hash, 0, @now, @now)`,
    ),
    update: db.prepare<{ username: string; displayName: string; role: string; hash: string; disabled: number; now: number }>(
      `UPDATE users SET display_name = @displayName, role = @role, password_hash = @hash, disabled = @disabled, updated_at = @now
       WHERE username = @username`,
    ),
    remove: db.prepare<[string]>('DELETE FROM users WHERE username = ?'),
    markLogin: db.prepare<[number, string]>('UPDATE users SET last_login_at = ? WHERE username = ?'),
  };

  const insert = (u: NewUser): Result<null> => {
    if (s.get.get(u.username)) return fail('accounts/exists', `an account "${u.username}" already exists; choose another name`);
    s.insert.run({ username: u.username, displayName: u.displayName, role: u.role, hash: u.passwordHash, now: now() });
    return ok(null);
  };
  const lastAdminRefusal = (username: string) =>
    fail('accounts/last-admin', `"${username}" is the last active administrator; make another account an administrator first`);

  const insertTx = db.transaction(insert);
  const insertFirstTx = db.transaction((u: NewUser): Result<null> => {
    if (s.count.get()!.n > 0) return fail('accounts/setup-done', 'the first administrator already exists; sign in instead');
    return insert({ ...u, role: 'admin' });
  });
  const updateTx = db.transaction((username: string, change: UserChange): Result<null> => {
    const row = s.get.get(username);
    if (!row) return fail('accounts/unknown', `no account "${username}"`);
    const role = change.role ?? row.role;
    const disabled = change.disabled ?? row.disabled === 1;
    const stillAdmin = role === 'admin' && !disabled;
    if (row.role === 'admin' && row.disabled === 0 && !stillAdmin && s.activeAdmins.get()!.n <= 1) return lastAdminRefusal(username);
    s.update.run({ username, displayName: change.displayName ?? row.display_name, role, hash: change.passwordHash ?? row.password_hash, disabled: disabled ? 1 : 0, now: now() });
    return ok(null);
  });
  const removeTx = db.transaction((username: string): Result<null> => {
    const row = s.get.get(username);
    if (!row) return fail('accounts/unknown', `no account "${username}"`);
    if (row.role === 'admin' && row.disabled === 0 && s.activeAdmins.get()!.n <= 1) return lastAdminRefusal(username);
    s.remove.run(username);
    return ok(null);
  });

  return {
    get: (username) => s.get.get(username) ?? null,
    list: () => s.list.all().map(toAccount),
    count: () => s.count.get()!.n,
    insert: (u) => insertTx.immediate(u),
    insertFirst: (u) => insertFirstTx.immediate(u),
    update: (username, change) => updateTx.immediate(username, change),
    remove: (username) => removeTx.immediate(username),
    markLogin: (username, at) => void s.markLogin.run(at, username),
  };
}
