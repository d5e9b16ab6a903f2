import { useCallback, useMemo, useRef, useState } from 'react';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from '../../../common/editor/history.js';
import type { AppError } from '../../../common/result.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import { useBridge } from '../../state/store-context.js';
import { useSessionStore } from '../auth/session-context.js';
import { useAutosave } from '../ui/use-autosave.js';

// One layout being edited: undo history, the saved revision it is based on, autosaved drafts,
// and save / save as / apply with the revision conflict made visible (reload or overwrite).

export interface EditorDoc {
  layout: Layout;
  /** 0: never saved. */
  baseRevision: number;
  /** Opened from a draft that differs from the saved layout. */
  fromDraft?: boolean;
}

export type { AutosaveState } from '../ui/use-autosave.js';

export function useLayoutEditor(doc: EditorDoc) {
  const bridge = useBridge();
  const session = useSessionStore();
  const [history, setHistoryState] = useState<History<Layout>>(() => startHistory(doc.layout));
  // Changes go through this ref at once rather than through a state updater, which React may run only at
  // the next render: a handler that adds a panel must know the new panel's id to select it.
  const latest = useRef(history);
  const setHistory = useCallback((next: (h: History<Layout>) => History<Layout>) => {
    latest.current = next(latest.current);
    setHistoryState(latest.current);
  }, []);
  const [baseRevision, setBaseRevision] = useState(doc.baseRevision);
  const [savedJson, setSavedJson] = useState(() => (doc.fromDraft || doc.baseRevision === 0 ? null : JSON.stringify(doc.layout)));
  const [selected, setSelected] = useState<string | null>(null);
  const [conflict, setConflict] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const layout = history.present;
  const json = useMemo(() => JSON.stringify(layout), [layout]);
  const dirty = json !== savedJson;

  const change = useCallback((fn: (l: Layout) => Layout) => setHistory((h) => record(h, fn(h.present))), [setHistory]);
  /** Add a panel (or a copy of one) and select it. */
  const insert = useCallback(
    (fn: (l: Layout) => { layout: Layout; id: string } | null) => {
      const added = fn(latest.current.present);
      if (!added) return;
      setHistory((h) => record(h, added.layout));
      setSelected(added.id);
    },
    [setHistory],
  );
  const replace = useCallback((next: Layout, revision: number) => {
    setHistory(() => startHistory(next));
    setBaseRevision(revision);
    setSavedJson(JSON.stringify(next));
    setConflict(null);
  }, [setHistory]);

  // Every change reaches the main process within a moment, so a crash or a closed window loses nothing.
  const autosave = useAutosave(useCallback(() => bridge.saveDraft(layout, baseRevision), [bridge, layout, baseRevision]), dirty && !busy);

  const call = async <T,>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setError(null);
    const r = session.check(await run());
    setBusy(false);
    if (!r.ok && r.error.code === 'layout/conflict') setConflict(r.error);
    else if (!r.ok) setError(r.error);
    return r;
  };

  const save = async (expected = baseRevision, asLayout = layout) => {
    const r = await call(() => bridge.saveLayout(asLayout, expected));
    if (r.ok) replace(asLayout, r.value.revision);
    return r.ok;
  };
  /** After a conflict: keep this edit, on top of whatever was saved meanwhile. */
  const overwrite = async () => {
    const current = await call(() => bridge.getLayout(layout.id));
    if (current.ok) await save(current.value.revision);
  };
  /** After a conflict: take what was saved meanwhile, dropping this edit (its draft too). */
  const reload = async () => {
    const current = await call(() => bridge.getLayout(layout.id));
    if (!current.ok) return;
    await bridge.discardDraft(layout.id);
    replace(current.value.layout, current.value.revision);
  };
  const saveAs = async (id: string, name: string) => {
    const copy = { ...layout, id, name };
    if (!(await save(0, copy))) return false;
    if (doc.baseRevision === 0 || id !== doc.layout.id) await bridge.discardDraft(doc.layout.id);
    return true;
  };
  const apply = async () => {
    const r = await call(() => bridge.applyLayout(layout.id));
    return r.ok ? r.value : null;
  };

  return {
    layout,
    baseRevision,
    selected,
    setSelected,
    change,
    insert,
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    dirty,
    autosave,
    conflict,
    error,
    busy,
    save: () => save(),
    saveAs,
    overwrite,
    reload,
    apply,
    clearConflict: () => setConflict(null),
  };
}

export type LayoutEditor = ReturnType<typeof useLayoutEditor>;
