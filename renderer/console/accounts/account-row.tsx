import { useState } from 'react';
import { ACCOUNT_ROLES, type Account, type AccountRole } from '../../../common/auth.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';

interface Change {
  role?: AccountRole;
  disabled?: boolean;
  password?: string;
}

export function AccountRow({ account, busy, onUpdate, onRemove }: { account: Account; busy: boolean; onUpdate: (c: Change) => Promise<void>; onRemove: () => Promise<void> }) {
  const t = useT();
  const language = useLanguage();
  const [password, setPassword] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  return (
    <tr data-testid={`account-${account.username}`} data-role={account.role} data-disabled={String(account.disabled)} className={account.disabled ? 'is-disabled' : ''}>
      <td>{account.username}</td>
      <td>{account.displayName}</td>
      <td>
        <select aria-label={t('accounts.role')} data-testid={`account-role-${account.username}`} value={account.role} disabled={busy} onChange={(e) => void onUpdate({ role: e.currentTarget.value as AccountRole })}>
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{account.lastLoginAt ? formatDateTime(language, account.lastLoginAt) : '—'}</td>
      <td className="accounts__actions">
        <button type="button" disabled={busy} data-testid={`account-toggle-${account.username}`} onClick={() => void onUpdate({ disabled: !account.disabled })}>
          {t(account.disabled ? 'accounts.enable' : 'accounts.disable')}
        </button>
        <input type="password" autoComplete="new-password" minLength={10} placeholder={t('accounts.newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <button type="button" disabled={busy || password.length < 10} onClick={() => void onUpdate({ password }).then(() => setPassword(''))}>
          {t('accounts.setPassword')}
        </button>
        {confirmRemove ? (
          <>
            <button type="button" className="danger" disabled={busy} data-testid={`account-remove-confirm-${account.username}`} onClick={() => void onRemove()}>
              {t('accounts.removeConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('accounts.cancel')}
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirmRemove(true)}>
            {t('accounts.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}
