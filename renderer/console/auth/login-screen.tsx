import { useState, type FormEvent } from 'react';
import type { Language } from '../../../common/state.js';
import type { AppError } from '../../../common/result.js';
import { useErrorText, useLanguage, useT, type MessageKey } from '../../i18n/use-t.js';
import { useSession, useSessionStore } from './session-context.js';
import { AppForm } from '../../ui/app-form.js';

// Sign-in, or the first administrator when no account exists. Its language choice is this page's own
// (nobody is signed in to change the wall's).
export function LoginScreen({ onLanguage }: { onLanguage: (language: Language) => void }) {
  const t = useT();
  const view = useSession();
  const language = useLanguage();
  const setup = view.status === 'setup';
  const reason = view.status === 'signed-out' ? view.reason : null;
  return (
    <main className="login" data-testid="login-screen" data-mode={setup ? 'setup' : 'login'}>
      <div className="login__box">
        <p className="login__brand">Toàn Cảnh</p>
        <h1>{t(setup ? 'auth.setupTitle' : 'auth.title')}</h1>
        <div className="login__languages" role="group" aria-label={t('shell.language')}>
          {(['vi', 'en'] as const).map((l) => (
            <button key={l} type="button" data-testid={`login-language-${l}`} aria-pressed={language === l} onClick={() => onLanguage(l)}>
              {t(`console.language.${l}`)}
            </button>
          ))}
        </div>
        {reason && (
          <p className="login__notice" role="status" data-testid="login-notice" data-reason={reason}>
            {t(reason === 'timeout' ? 'auth.timedOut' : reason === 'ended' ? 'auth.ended' : 'auth.signedOut')}
          </p>
        )}
        {setup ? <SetupForm /> : <LoginForm />}
      </div>
    </main>
  );
}

function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = (action: () => Promise<AppError | null>) => (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void action().then((failure) => {
      setBusy(false);
      setError(failure);
    });
  };
  return { busy, error, setError, run };
}

function ErrorLine({ error }: { error: AppError | null }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="login__error" role="alert" data-testid="login-error" data-code={error.code}>
      {text(error)}
    </p>
  );
}

function LoginForm() {
  const t = useT();
  const store = useSessionStore();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <AppForm className="login__form" onSubmit={run(() => store.login(username, password))}>
      <label>
        {t('auth.username')}
        <input data-testid="login-username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
      </label>
      <label>
        {t('auth.password')}
        <input data-testid="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
      </label>
      <ErrorLine error={error} />
      <button type="submit" data-testid="login-submit" disabled={busy}>
        {t('auth.signIn')}
      </button>
    </AppForm>
  );
}

function SetupForm() {
  const t = useT();
  const store = useSessionStore();
  const [fields, setFields] = useState({ username: '', displayName: '', password: '', again: '' });
  const { busy, error, setError, run } = useSubmit();
  const field = (name: keyof typeof fields, label: MessageKey, type = 'text', autoComplete = 'off') => (
    <label>
      {t(label)}
      <input
        data-testid={`setup-${name}`}
        type={type}
        autoComplete={autoComplete}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.currentTarget.value })}
        required
        minLength={name === 'password' || name === 'again' ? 10 : 1}
      />
    </label>
  );
  const submit = run(async () => {
    if (fields.password !== fields.again) return { code: 'mismatch', message: t('auth.passwordMismatch') };
    return store.setupAdmin(fields.username, fields.displayName, fields.password);
  });
  return (
    <AppForm className="login__form" onSubmit={(e) => (setError(null), submit(e))}>
      <p className="login__help">{t('auth.setupHelp')}</p>
      {field('username', 'auth.username', 'text', 'username')}
      {field('displayName', 'auth.displayName')}
      {field('password', 'auth.password', 'password', 'new-password')}
      {field('again', 'auth.passwordAgain', 'password', 'new-password')}
      <p className="login__rule">{t('auth.passwordRule')}</p>
      <ErrorLine error={error} />
      <button type="submit" data-testid="setup-submit" disabled={busy}>
        {t('auth.createAdmin')}
      </button>
    </AppForm>
  );
}
