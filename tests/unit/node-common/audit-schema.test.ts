import { describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS } from '../../../node-common/audit/audit-table.js';
import { AUDIT_COLUMN_NAMES, AUDIT_LOG_DDL, AUDIT_LOG_PG_DDL, auditInsertSql, auditKeyColumnDdl } from '../../../node-common/audit/schema.js';
import { migrationChecksum } from '../../../node-common/db/migrate.js';
import { hubMigrations } from '../../../hub/db/migrations.js';
import { pgMigrations } from '../../../hub/store/pg-schema.js';

// The audit_log is defined once (node-common/audit/schema.ts) for SQLite and PostgreSQL. Released
// SQLite migrations are checksummed: the generated text must stay what they were released with.

describe('the audit_log definition', () => {
  it('generates the SQLite text the released migrations were checksummed with', () => {
    const released = hubMigrations.find((m) => m.version === 2)!;
    expect(released.up).toContain(AUDIT_LOG_DDL);
    expect(migrationChecksum({ version: 0, name: '', up: AUDIT_LOG_DDL })).toBe('b17e30e622b7b4ee9e2bba5070e54851fd057809d6215b2095247d84eaeef617');
  });

  it('gives PostgreSQL the same columns in the same order, times as BIGINT', () => {
    expect(pgMigrations[0]!.up).toContain(AUDIT_LOG_PG_DDL);
    const pgColumns = [...AUDIT_LOG_PG_DDL.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    const sqliteColumns = [...AUDIT_LOG_DDL.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    expect(pgColumns).toEqual(sqliteColumns);
    expect(AUDIT_LOG_PG_DDL).toContain('  at BIGINT NOT NULL');
    expect([...sqliteColumns, 'key_id']).toEqual(AUDIT_COLUMN_NAMES);
    expect(AUDIT_COLUMNS).toEqual(AUDIT_COLUMN_NAMES);
    expect(pgMigrations.some((m) => m.up === auditKeyColumnDdl('postgres'))).toBe(true);
    expect(auditInsertSql('postgres')).toMatch(/VALUES \(\$1, .*\$13\)$/);
  });
});
