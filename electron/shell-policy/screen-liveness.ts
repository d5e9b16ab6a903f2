// Which wall screen windows still answer. The shell asks each screen's page a trivial question
// every watchdog round; a window silent for longer than `staleMs` (past what the crash policy's own
// reloads take) makes the app stop feeding systemd's watchdog, so the whole app is restarted.

export class ScreenLiveness {
  private readonly lastAnswer = new Map<string, number>();

  constructor(
    private readonly staleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A window was (re)created: it has `staleMs` from now to answer a first time. */
  opened(screenId: string): void {
    this.lastAnswer.set(screenId, this.now());
  }

  closed(screenId: string): void {
    this.lastAnswer.delete(screenId);
  }

  answered(screenId: string): void {
    if (this.lastAnswer.has(screenId)) this.lastAnswer.set(screenId, this.now());
  }

  /** Null while every open screen answered within `staleMs`, else which have not and for how long. */
  verdict(): string | null {
    const now = this.now();
    const silent = [...this.lastAnswer]
      .filter(([, at]) => now - at > this.staleMs)
      .map(([id, at]) => `${id} (${Math.round((now - at) / 1000)} s)`);
    if (silent.length === 0) return null;
    return `screen windows not answering for more than ${Math.round(this.staleMs / 1000)} s: ${silent.join(', ')}`;
  }
}
