import { useMemo, useState, type DragEvent } from 'react';
import { checkMapping } from '../../../common/calibration/mapping.js';
import { shownCalibration } from '../../../common/calibration/schema.js';
import { calibratedWall } from '../../../common/calibration/wall.js';
import type { ScreenStatus, WallState } from '../../../common/state.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import type { Rect } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import { DisplayChips } from './display-chips.js';
import type { Action } from './use-action.js';

// The wall's positions next to what can fill them: OS displays (Electron) or waiting browser pages
// (web host). Drag one onto a position, or pick it from the position's list. Problems are shown here,
// before anything is applied: a position without a display, two positions on one display, a display
// the wall does not use.
export function DisplayMapping({ state, statuses, action }: { state: WallState; statuses: ScreenStatus[]; action: Action }) {
  const t = useT();
  const bridge = useBridge();
  const tech = state.technician;
  const displays = tech?.displays ?? null;
  const draftWall = useMemo(() => calibratedWall(state.wall, shownCalibration(tech?.calibration)), [state.wall, tech?.calibration]);
  const check = useMemo(() => checkMapping(draftWall, displays), [draftWall, displays]);
  const canvas = useMemo(() => wallCanvas(draftWall, { bezelCompensation: false }), [draftWall]);
  const [taken, setTaken] = useState<{ code: string; screenId: string } | null>(null);
  const online = new Map(statuses.map((s) => [s.screenId, s.online]));
  const waiting = (tech?.pendingPages ?? []).filter((p) => p.assignedTo === null);
  const place = (r: Rect) => ({ left: `${(r.x / canvas.width) * 100}%`, top: `${(r.y / canvas.height) * 100}%`, width: `${(r.width / canvas.width) * 100}%`, height: `${(r.height / canvas.height) * 100}%` });

  const assignPage = (code: string, screenId: string, replace: boolean) =>
    void action.run(() => bridge.assignPage(code, screenId, replace)).then((r) => setTaken(r === null && !replace ? { code, screenId } : null));
  const drop = (screenId: string) => (e: DragEvent) => {
    e.preventDefault();
    const [kind, value] = e.dataTransfer.getData('text/plain').split(':');
    if (kind === 'display' && value) void action.run(() => bridge.setCalibration(screenId, { displayId: Number(value) }));
    if (kind === 'page' && value) assignPage(value, screenId, false);
  };

  return (
    <fieldset className="tech-group" data-testid="display-mapping">
      <legend>{t('tech.mapping')}</legend>
      <div className="mapping">
        <div className="mapping__wall" style={{ aspectRatio: `${canvas.width} / ${canvas.height}` }}>
          {canvas.viewports.map((v) => {
            const screen = draftWall.screens.find((s) => s.id === v.screenId);
            const assigned = check.assignments[v.screenId] ?? null;
            const issues = check.issues.filter((i) => i.screenIds.includes(v.screenId));
            const noPage = displays === null && !online.get(v.screenId);
            const flagged = issues.some((i) => i.severity === 'error') || noPage;
            return (
              <div
                key={v.screenId}
                className={`mapping__position${flagged ? ' is-flagged' : ''}`}
                style={place(v.rect)}
                data-testid={`position-${v.screenId}`}
                data-flagged={String(flagged)}
                data-display={assigned ? String(assigned.displayId) : ''}
                onDragOver={(e) => e.preventDefault()}
                onDrop={drop(v.screenId)}
              >
                <strong>{v.screenId}</strong>
                {displays ? (
                  <select
                    value={screen?.display?.id ?? ''}
                    disabled={action.busy}
                    data-testid={`position-select-${v.screenId}`}
                    onChange={(e) => void action.run(() => bridge.setCalibration(v.screenId, { displayId: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) }))}
                  >
                    <option value="">{assigned?.auto ? t('tech.mapping.autoIs', { id: assigned.displayId }) : t('tech.mapping.auto')}</option>
                    {displays.map((d) => (
                      <option key={d.id} value={d.id}>
                        {t('tech.mapping.display', { id: d.id })}
                      </option>
                    ))}
                  </select>
                ) : (
                  <>
                    <span>{online.get(v.screenId) ? t('tech.mapping.pageOnline') : t('tech.mapping.noPage')}</span>
                    {waiting.length > 0 && (
                      <select value="" disabled={action.busy} data-testid={`position-page-${v.screenId}`} onChange={(e) => e.currentTarget.value && assignPage(e.currentTarget.value, v.screenId, false)}>
                        <option value="">{t('tech.mapping.assignPage')}</option>
                        {waiting.map((p) => (
                          <option key={p.code} value={p.code}>
                            {p.code}
                          </option>
                        ))}
                      </select>
                    )}
                  </>
                )}
                {issues.map((i) => (
                  <span key={i.code + i.message} className={`mapping__issue mapping__issue--${i.severity}`} data-testid="mapping-issue" data-code={i.code}>
                    {i.message}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
        <DisplayChips displays={displays} pages={tech?.pendingPages ?? []} issues={check.issues} consoleDisplayId={check.consoleDisplayId} />
      </div>
      {taken && (
        <p className="tech-feedback tech-feedback--warning" role="alert" data-testid="position-taken">
          {t('tech.mapping.taken', { id: taken.screenId })}{' '}
          <button type="button" className="danger" onClick={() => assignPage(taken.code, taken.screenId, true)} data-testid="position-taken-replace">
            {t('tech.mapping.assignAnyway')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
