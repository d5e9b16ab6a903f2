import { MAX_PANEL_FAULTS, type PanelFault } from '../../common/state.js';

// The faults of the panels a screen shows, gathered from the panels and sent to the main process whole,
// a moment after they change (a camera that retries may flap; one message covers a burst).

export type FaultInput = Pick<PanelFault, 'kind' | 'message'>;

export class FaultBoard {
  /** Keyed by layer, panel and subject: the same panel in the shown and the incoming layer are two entries. */
  private readonly entries = new Map<string, { layer: string; fault: PanelFault }>();
  private shown: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = '[]';

  constructor(
    private readonly send: (faults: PanelFault[]) => void,
    private readonly now: () => number = Date.now,
    private readonly delayMs = 500,
  ) {}

  set(layer: string, panelId: string, subject: string, fault: FaultInput | null): void {
    const key = JSON.stringify([layer, panelId, subject]);
    const prev = this.entries.get(key)?.fault;
    if (!fault) {
      if (!prev) return;
      this.entries.delete(key);
    } else {
      // A fault that only changes its words (a retry's new error) keeps the time it began.
      const since = prev?.kind === fault.kind ? prev.since : this.now();
      this.entries.set(key, { layer, fault: { panelId, subject, kind: fault.kind, message: fault.message.slice(0, 300), since } });
    }
    this.schedule();
  }

  /** Which layer is on screen: only its faults count (a layer prepared hidden may still be starting its cameras). */
  show(layer: string): void {
    if (layer === this.shown) return;
    this.shown = layer;
    this.schedule();
  }

  /** The shown layer's faults, oldest first. */
  list(): PanelFault[] {
    const faults = [...this.entries.values()].filter((e) => e.layer === this.shown).map((e) => e.fault);
    return faults.sort((a, b) => a.since - b.since).slice(0, MAX_PANEL_FAULTS);
  }

  /** Send again even if nothing changed: the main process forgets a screen's faults when it goes offline. */
  resend(): void {
    this.sent = '';
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const faults = this.list();
      const text = JSON.stringify(faults);
      if (text === this.sent) return;
      this.sent = text;
      this.send(faults);
    }, this.delayMs);
  }
}
