import { useCallback, useEffect, useState } from 'react';
import { ACCOUNT_ROLES, type Account, type AccountRole } from '../../../common/auth.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import { CommandError } from '../ui/command-error.js';
import { useCommand } from '../ui/use-command.js';
import { AccountRow } from './account-row.js';
import { AppForm } from '../../ui/app-form.js';
import { HeadedTable } from '../../ui/headed-table.js';

// Administrators manage who may do what. The main process refuses to leave no active administrator.
export function AccountsArea() {
  const t = useT();
  const bridge = useBridge();
  const { busy, error, run } = useCommand();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [draft, setDraft] = useState({ username: '', displayName: '', role: 'operator' as AccountRole, password: '' });

  const reload = useCallback(async () => {
    const r = await run(() => bridge.listAccounts());
    if (r.ok) setAccounts(r.value);
  }, [bridge, run]);
  useEffect(() => void reload(), [reload]);

  const act = async (call: () => ReturnType<typeof bridge.updateAccount> | ReturnType<typeof bridge.removeAccount>) => {
    const r = await run(call);
    if (r.ok) await reload();
  };
  const create = async () => {
    const r = await run(() => bridge.createAccount(draft));
    if (!r.ok) return;
    setDraft({ username: '', displayName: '', role: 'operator', password: '' });
    await reload();
  };

  return (
    <section className="accounts" data-testid="accounts-area" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('area.accounts')}</h2>
      <CommandError error={error} />
      <HeadedTable className="accounts__table" headings={[t('auth.username'), t('auth.displayName'), t('accounts.role'), t('accounts.lastLogin'), t('accounts.actions')]}>
        <tbody>
          {accounts.map((a) => (
            <AccountRow key={a.username} account={a} busy={busy} onUpdate={(change) => act(() => bridge.updateAccount({ username: a.username, ...change }))} onRemove={() => act(() => bridge.removeAccount(a.username))} />
          ))}
        </tbody>
      </HeadedTable>
      <AppForm
        className="accounts__new"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3>{t('accounts.new')}</h3>
        <input data-testid="account-new-username" placeholder={t('auth.username')} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.currentTarget.value })} required />
        <input data-testid="account-new-name" placeholder={t('auth.displayName')} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })} required />
        <select data-testid="account-new-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as AccountRole })}>
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <input data-testid="account-new-password" type="password" autoComplete="new-password" placeholder={t('auth.password')} minLength={10} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })} required />
        <button type="submit" data-testid="account-create" disabled={busy}>
          {t('accounts.create')}
        </button>
      </AppForm>
    </section>
  );
}
