import './scenarios.css';
import { useCallback, useEffect, useState } from 'react';
import type { LayoutInfo } from '../../../common/layout-contract.js';
import type { Scenario } from '../../../common/protocol/scenario.js';
import type { LibraryEntry, ScenarioDraftInfo } from '../../../common/scenario-console-contract.js';
import { useBridge } from '../../state/store-context.js';
import { useRole } from '../auth/session-context.js';
import { useScenarioOverview } from '../leader/use-scenario-overview.js';
import { useCommand } from '../ui/use-command.js';
import { Rehearsal } from './rehearsal.js';
import { ScenarioForm, type FormDoc } from './scenario-form.js';
import { ScenarioList } from './scenario-list.js';

// Scenarios: the centre's (from the hub) and this console's library; create one from a saved layout,
// edit, duplicate, and rehearse any of them on the console without touching the wall.
export function ScenariosArea() {
  const bridge = useBridge();
  const role = useRole();
  const { overview } = useScenarioOverview();
  const command = useCommand();
  const [library, setLibrary] = useState<LibraryEntry[]>([]);
  const [drafts, setDrafts] = useState<ScenarioDraftInfo[]>([]);
  const [layouts, setLayouts] = useState<LayoutInfo[]>([]);
  const [editing, setEditing] = useState<FormDoc | null>(null);
  const [rehearsing, setRehearsing] = useState<Scenario | null>(null);
  const { run } = command;

  const canEdit = role === 'operator' || role === 'admin';
  const reload = useCallback(async () => {
    const [lib, lay] = [await run(() => bridge.listLibrary()), await run(() => bridge.listLayouts())];
    if (lib.ok) setLibrary(lib.value);
    if (lay.ok) setLayouts(lay.value);
    // Drafts are the arrangers' own: a leader has none to list.
    const dr = canEdit ? await run(() => bridge.listScenarioDrafts()) : null;
    setDrafts(dr?.ok ? dr.value : []);
  }, [bridge, run, canEdit]);
  useEffect(() => void reload(), [reload]);

  const canPublish = role === 'leader' || role === 'admin';
  if (rehearsing) return <Rehearsal scenario={rehearsing} onClose={() => setRehearsing(null)} />;
  const closeForm = () => {
    setEditing(null);
    void reload();
  };
  if (editing) return <ScenarioForm doc={editing} layouts={layouts} onClose={closeForm} />;
  return (
    <ScenarioList
      hub={overview?.scenarios ?? []}
      library={library}
      drafts={drafts}
      layouts={layouts}
      canEdit={canEdit}
      canPublish={canPublish}
      command={command}
      onEdit={setEditing}
      onRehearse={setRehearsing}
      onChanged={() => void reload()}
    />
  );
}
