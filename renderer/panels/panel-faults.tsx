import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { FaultBoard, FaultInput } from '../screen/fault-board.js';

// How a panel says something is wrong with it (a camera without picture, a crash): a screen's layers
// collect it (the board counts the shown one's) for the console and the log; rehearsal layers and the
// console's previews have no collector, so what they draw says nothing. The collector of a layer never
// changes, so a swap re-renders nothing here.

type LayerReport = (panelId: string, subject: string, fault: FaultInput | null) => void;
type PanelReport = (subject: string, fault: FaultInput | null) => void;

const LayerFaults = createContext<LayerReport | null>(null);
const PanelFaults = createContext<PanelReport | null>(null);

/** A screen layer's panels report to `board` under `layer`. */
export function LayerFaultsProvider({ board, layer, children }: { board: FaultBoard | null; layer: string; children: ReactNode }) {
  const report = useMemo<LayerReport | null>(() => (board ? (panelId, subject, fault) => board.set(layer, panelId, subject, fault) : null), [board, layer]);
  return <LayerFaults.Provider value={report}>{children}</LayerFaults.Provider>;
}

export function PanelFaultsProvider({ panelId, children }: { panelId: string; children: ReactNode }) {
  const layer = useContext(LayerFaults);
  const report = useMemo<PanelReport | null>(() => (layer ? (subject, fault) => layer(panelId, subject, fault) : null), [layer, panelId]);
  return <PanelFaults.Provider value={report}>{children}</PanelFaults.Provider>;
}

/** While mounted with a fault, this panel (or its `subject`, e.g. one camera of a grid) has it. */
export function usePanelFault(subject: string, fault: FaultInput | null): void {
  const report = useContext(PanelFaults);
  const kind = fault?.kind;
  const message = fault?.message;
  // Two effects, so new words for the same fault update it without clearing it first (it keeps its "since").
  useEffect(() => {
    if (report && kind !== undefined && message !== undefined) report(subject, { kind, message });
  }, [report, subject, kind, message]);
  useEffect(() => {
    if (!report || kind === undefined) return;
    return () => report(subject, null);
  }, [report, subject, kind]);
}
