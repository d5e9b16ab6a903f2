// A cap on password hashes running at once. scrypt at OWASP's parameters takes 128 MiB and a core's
// worth of time each: without a cap a burst of sign-ins exhausts memory and stalls the wall's host.
// A few wait their turn; beyond that a request is turned away at once rather than queued without end.

export class HashSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Hashes run so far (for the log and tests: proof that a refused attempt cost no hash). */
  completed = 0;

  constructor(
    readonly max = 2,
    readonly maxWaiting = 8,
  ) {}

  /** Run `hash` in a slot; null (without running it) when too many are already waiting. */
  async run<T>(hash: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await hash();
    } finally {
      this.completed++;
      // The slot passes straight to the next in line, so `running` stays counted.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
