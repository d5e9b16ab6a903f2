import type { NodeHealthEntry, ScreenHealth, WallHealth } from '../../common/protocol/health.js';
import type { WallState } from '../../common/state.js';
import { useLanguage, useT } from '../i18n/use-t.js';
import type { MessageKey } from '../i18n/translate.js';
import { formatTime } from '../panels/kpi/format-kpi.js';
import { HeadedTable } from '../ui/headed-table.js';

// The whole wall, node by node, as the hub sees it: which PC is down and which screens with it, each
// screen's revision, when it was last heard of, its frame rate, missed frames, memory and faults.
// A wall of several PCs is one wall for the operator, whichever PC's console this is.

type Row = { screenId: string; name: string; node: NodeHealthEntry | null; health: ScreenHealth | null };

export function WallHealthTable({ state, health, own, hubConnected }: { state: WallState; health: WallHealth | null; own: ReadonlySet<string>; hubConnected: boolean }) {
  const t = useT();
  const language = useLanguage();
  if (!health) {
    return (
      <section className="screens wall-health" aria-labelledby="wall-health-title" data-testid="wall-health">
        <h2 id="wall-health-title">{t('health.title')}</h2>
        <p>{t('health.none')}</p>
      </section>
    );
  }
  const now = Date.now();
  const current = state.scenario?.revision ?? null;
  // Connected nodes first: a screen registered by a node that is up is that node's.
  const nodes = [...health.nodes].sort((a, b) => Number(b.connected) - Number(a.connected));
  const rows: Row[] = state.wall.screens.map((s) => {
    const node = nodes.find((n) => n.screens.includes(s.id)) ?? null;
    return { screenId: s.id, name: s.name, node, health: node?.health.find((h) => h.screenId === s.id) ?? null };
  });
  const groups = [...health.nodes.map((n) => n.nodeId), null].map((nodeId) => ({ nodeId, rows: rows.filter((r) => (r.node?.nodeId ?? null) === nodeId) })).filter((g) => g.rows.length > 0);
  return (
    <section className="screens wall-health" aria-labelledby="wall-health-title" data-testid="wall-health">
      <h2 id="wall-health-title">{t('health.title')}</h2>
      {!hubConnected && <p className="is-behind" role="status">{t('health.hubLost')}</p>}
      <HeadedTable headings={[t('health.col.screen'), t('health.col.state'), t('health.col.revision'), t('health.col.lastSeen'), t('health.col.fps'), t('health.col.dropped'), t('health.col.memory'), t('health.col.faults')]}>
        {groups.map(({ nodeId, rows: group }) => {
          const node = nodeId === null ? null : (health.nodes.find((n) => n.nodeId === nodeId) ?? null);
          return (
            <tbody key={nodeId ?? '-'} data-testid={`wall-health-node-${nodeId ?? 'none'}`} data-connected={String(node?.connected ?? false)}>
              {node && (
                <tr className={node.connected ? 'wall-health__node is-online' : 'wall-health__node is-offline'}>
                  <th colSpan={8} scope="rowgroup">
                    {t('health.node', { node: node.nodeId })} {group.some((r) => own.has(r.screenId)) ? t('health.node.this') : ''} —{' '}
                    <span data-testid="node-state">
                      {node.connected ? t('health.node.up', { time: formatTime(node.connectedAt, now, language) }) : t('health.node.down', { time: formatTime(node.disconnectedAt ?? node.lastSeen, now, language) })}
                    </span>
                    {node.process && ` · ${t('health.node.memory', { mb: Math.round(node.process.rssMb) })}`}
                    {node.process?.clockOffsetMs != null && ` · ${t('health.node.clock', { offset: node.process.clockOffsetMs.toFixed(1), error: ((node.process.clockRoundTripMs ?? 0) / 2).toFixed(1) })}`}
                  </th>
                </tr>
              )}
              {group.map((row) => (
                <HealthRow key={row.screenId} row={row} current={current} now={now} />
              ))}
            </tbody>
          );
        })}
      </HeadedTable>
    </section>
  );
}

function HealthRow({ row, current, now }: { row: Row; current: number | null; now: number }) {
  const t = useT();
  const { node, health: h } = row;
  const state = screenState(node, h);
  const behind = h?.revision != null && current !== null && h.revision < current;
  const dash = '—';
  return (
    <tr data-testid={`wall-health-${row.screenId}`} data-state={state} data-node={node?.nodeId ?? ''} data-revision={h?.revision ?? ''} className={state === 'ready' ? 'is-online' : 'is-offline'}>
      <td>
        <strong>{row.screenId}</strong> {row.name}
      </td>
      <td>{t(`health.state.${state}` as MessageKey)}</td>
      <td className={behind ? 'is-behind' : undefined}>
        {h?.revision ?? dash}
        {behind && ` (${t('health.behind', { current: current ?? '' })})`}
      </td>
      <td>{h?.lastSeen != null ? t('time.ago', { s: Math.max(0, Math.round((now - h.lastSeen) / 1000)) }) : dash}</td>
      <td>{h?.fps != null && state !== 'nodeDown' ? h.fps.toFixed(0) : dash}</td>
      <td>{h?.droppedFrames != null && state !== 'nodeDown' ? h.droppedFrames : dash}</td>
      <td>{h?.memoryMb != null && state !== 'nodeDown' ? h.memoryMb.toFixed(0) : dash}</td>
      <td>
        {h && h.faults.length > 0 && (
          <ul className="screens__faults" data-testid={`wall-health-faults-${row.screenId}`}>
            {h.faults.map((f, i) => (
              <li key={`${f.code}/${f.subject}/${i}`} data-code={f.code}>
                <strong>{t(`health.fault.${f.code}`)}</strong> {f.subject && <code>{f.subject}</code>} {f.message}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** One word for a screen: its node down, it offline, a fault, or its own state. */
export function screenState(node: NodeHealthEntry | null, h: ScreenHealth | null): 'ready' | 'fault' | 'error' | 'waiting' | 'offline' | 'nodeDown' | 'unknown' {
  if (!node) return 'unknown';
  if (!node.connected) return 'nodeDown';
  if (!h || !h.online) return 'offline';
  if (h.state === 'error') return 'error';
  if (h.faults.some((f) => f.code === 'window-shape' || f.code === 'duplicate-screen')) return 'fault';
  return h.state;
}
