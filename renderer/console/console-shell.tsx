import './shell.css';
import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../common/state.js';
import { LanguageOverride } from '../i18n/language-override.js';
import { useLanguage, useT } from '../i18n/use-t.js';
import { useBridge, useWallState } from '../state/store-context.js';
import { StatusPage } from '../ui/status-page.js';
import { markDocument, usePaintEffect } from '../ui/use-painted.js';
import { areasFor } from './areas.js';
import { LoginScreen } from './auth/login-screen.js';
import { SessionProvider, useSession, useSessionStore } from './auth/session-context.js';
import { SessionStore } from './auth/session-store.js';
import { ConsolePage } from './console-page.js';
import { InsecureLanWarning } from './insecure-lan.js';
import { ProcedureChip } from './procedure/procedure-area.js';

// The console: sign-in first, then the areas the signed-in role may use.
export function ConsoleShell() {
  const bridge = useBridge();
  const [store] = useState(() => new SessionStore(bridge));
  useEffect(() => {
    void store.start();
    return () => store.stop();
  }, [store]);
  return (
    <SessionProvider store={store}>
      <ShellBody />
    </SessionProvider>
  );
}

function ShellBody() {
  const { state, status, connected } = useWallState();
  const session = useSession();
  const store = useSessionStore();
  const [override, setOverride] = useState<Language | null>(null);
  const wallLanguage = state?.language;
  const firstLanguage = useRef(wallLanguage);

  // Someone switched the wall's language: the console follows it again.
  useEffect(() => {
    if (wallLanguage !== firstLanguage.current) setOverride(null);
    firstLanguage.current = wallLanguage;
  }, [wallLanguage]);

  // A dropped connection took the session binding with it: resume on the new one.
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) void store.resume();
    wasConnected.current = connected;
  }, [connected, store]);

  useEffect(() => {
    const onActivity = () => store.activity();
    document.addEventListener('pointerdown', onActivity);
    document.addEventListener('keydown', onActivity);
    return () => {
      document.removeEventListener('pointerdown', onActivity);
      document.removeEventListener('keydown', onActivity);
    };
  }, [store]);

  if (!state || status === 'error') return <ConsolePage />;
  return (
    <LanguageOverride.Provider value={override}>
      <InsecureLanWarning />
      {session.status === 'signed-in' ? <SignedIn /> : <SignedOut onLanguage={setOverride} checking={session.status === 'checking'} />}
    </LanguageOverride.Provider>
  );
}

function SignedOut({ onLanguage, checking }: { onLanguage: (l: Language) => void; checking: boolean }) {
  const t = useT();
  const { state } = useWallState();
  const language = useLanguage();
  usePaintEffect(() => markDocument('ready', state?.revision ?? null, language), [state?.revision, language, checking]);
  if (checking) return <StatusPage title={t('auth.checking')} testId="session-checking" />;
  return <LoginScreen onLanguage={onLanguage} />;
}

function SignedIn() {
  const t = useT();
  const session = useSession();
  const store = useSessionStore();
  const [areaId, setAreaId] = useState('wall');
  const { state } = useWallState();
  const language = useLanguage();
  // Every area keeps the page's signal current (tests and tools wait on it), not only the wall's.
  usePaintEffect(() => markDocument('ready', state?.revision ?? null, language), [state?.revision, language, areaId]);
  if (session.status !== 'signed-in') return null;
  const { displayName, role, username } = session.session;
  const areas = areasFor(role);
  const area = areas.find((a) => a.id === areaId) ?? areas[0];
  return (
    <div className="shell" data-testid="console-shell" data-user={username} data-role={role}>
      <header className="shell__bar">
        <span className="shell__brand">Toàn Cảnh</span>
        <nav className="shell__nav" aria-label="areas">
          {areas.map((a) => (
            <button key={a.id} type="button" data-testid={`area-${a.id}`} aria-current={a.id === area?.id ? 'page' : undefined} onClick={() => setAreaId(a.id)}>
              {t(a.label)}
            </button>
          ))}
        </nav>
        <ProcedureChip onOpen={() => setAreaId('procedure')} />
        <span className="shell__user" data-testid="shell-user">
          {t('shell.signedInAs', { name: displayName, role: t(`role.${role}`) })}
        </span>
        <button type="button" className="shell__signout" data-testid="sign-out" onClick={() => void store.logout()}>
          {t('auth.signOut')}
        </button>
      </header>
      <div className="shell__area" data-testid={`area-view-${area?.id ?? 'none'}`}>
        {area?.render()}
      </div>
    </div>
  );
}
