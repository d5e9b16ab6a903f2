import { useCallback, useState } from 'react';
import type { OverrideRequest } from '../../../common/overrides.js';
import { useBridge } from '../../state/store-context.js';
import { useCommand } from '../ui/use-command.js';

/** The camera the operator picked in the catalogue, and the commands that put cameras on the wall. */
export function useHandCameras() {
  const bridge = useBridge();
  const command = useCommand();
  const [selected, setSelected] = useState<string | null>(null);
  const { run } = command;
  const apply = useCallback((request: OverrideRequest) => run(() => bridge.applyOverride(request)), [run, bridge]);
  const undo = useCallback(() => run(() => bridge.undoOverride()), [run, bridge]);
  const remove = useCallback((id: string) => run(() => bridge.removeOverride(id)), [run, bridge]);
  const clear = useCallback(() => run(() => bridge.clearOverrides()), [run, bridge]);
  return { selected, select: setSelected, apply, undo, remove, clear, busy: command.busy, error: command.error };
}
export type HandCameras = ReturnType<typeof useHandCameras>;
