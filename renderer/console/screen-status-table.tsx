import type { PanelFault, ScreenStatus, WallState } from '../../common/state.js';
import { useLanguage, useT } from '../i18n/use-t.js';
import { formatTime } from '../panels/kpi/format-kpi.js';
import { HeadedTable } from '../ui/headed-table.js';

// Whether each screen is there and has drawn the current revision: what a leader needs to trust
// that a switch happened everywhere, and where a technician starts when a screen is dark.
export function ScreenStatusTable({ state, statuses }: { state: WallState; statuses: ScreenStatus[] }) {
  const t = useT();
  const byId = new Map(statuses.map((s) => [s.screenId, s]));
  return (
    <section className="screens" aria-labelledby="screens-title">
      <h2 id="screens-title">{t('console.screens')}</h2>
      <HeadedTable headings={[t('console.col.screen'), t('console.col.link'), t('console.col.revision'), t('console.col.state'), t('console.col.transport')]}>
        <tbody>
          {state.wall.screens.filter((screen) => byId.has(screen.id)).map((screen) => {
            const s = byId.get(screen.id);
            const upToDate = s?.appliedRevision === state.revision;
            // Two pages as one screen, or a window of the wrong shape: the screen is not what it claims.
            const duplicate = (s?.pages ?? 0) > 1;
            const shape = s?.online ? s.shape : undefined;
            const faulty = duplicate || shape !== undefined;
            return (
              <tr
                key={screen.id}
                data-testid={`screen-status-${screen.id}`}
                data-online={String(s?.online ?? false)}
                data-applied-revision={s?.appliedRevision ?? ''}
                data-state={s?.state ?? 'waiting'}
                data-fault={faulty ? (duplicate ? 'duplicate-screen' : 'window-shape') : undefined}
                className={s?.online ? 'is-online' : 'is-offline'}
              >
                <td>
                  <strong>{screen.id}</strong> {screen.name}
                </td>
                <td>{s?.online ? t('console.online') : t('console.offline')}</td>
                <td className={upToDate ? 'is-current' : 'is-behind'}>
                  {`${s?.appliedRevision ?? '—'} / ${state.revision} `}
                  <span>({upToDate ? t('console.upToDate') : t('console.behind')})</span>
                </td>
                <td>
                  {faulty && s?.state === 'ready' ? t('health.state.fault') : t(`console.state.${s?.state ?? 'waiting'}`)}
                  {duplicate && <div className="screens__message" data-testid="screen-duplicate">{t('screen.fault.duplicate', { count: s?.pages ?? 0 })}</div>}
                  {shape && (
                    <div className="screens__message" data-testid="screen-shape">
                      {t('screen.fault.shape', { window: `${shape.window.width}×${shape.window.height}`, screen: `${shape.screen.width}×${shape.screen.height}`, percent: shape.usedPercent })}
                    </div>
                  )}
                  {s?.message && <div className="screens__message" data-testid="screen-message">{s.message}</div>}
                  {s?.faults && s.faults.length > 0 && <FaultList screenId={screen.id} faults={s.faults} />}
                </td>
                <td>{s?.transport ? t(`console.transport.${s.transport}`) : t('console.never')}</td>
              </tr>
            );
          })}
        </tbody>
      </HeadedTable>
    </section>
  );
}

/** What is wrong on a screen's panels: which panel (or camera), what, since when. */
function FaultList({ screenId, faults }: { screenId: string; faults: PanelFault[] }) {
  const t = useT();
  const language = useLanguage();
  const now = Date.now();
  return (
    <ul className="screens__faults" data-testid={`screen-faults-${screenId}`} aria-label={t('console.faults', { count: faults.length })}>
      {faults.map((f) => (
        <li key={`${f.panelId}/${f.subject}`} data-panel={f.panelId} data-subject={f.subject} data-kind={f.kind}>
          <strong>{t(`console.fault.${f.kind}`)}</strong> <code>{f.subject || f.panelId}</code> {f.message}{' '}
          <span className="screens__since">({t('console.faultSince', { time: formatTime(f.since, now, language) })})</span>
        </li>
      ))}
    </ul>
  );
}
