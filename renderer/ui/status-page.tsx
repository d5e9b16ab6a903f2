import type { ReactNode } from 'react';

// A whole-window message (loading, error, unknown screen): large enough to read across the room.
export function StatusPage({ title, children, tone = 'info', testId }: { title: string; children?: ReactNode; tone?: 'info' | 'error'; testId?: string }) {
  return (
    <main className={`status-page status-page--${tone}`} data-testid={testId ?? `status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
