// Token buckets per key (a client address, a connection): `burst` requests at once, then `perSecond`.
// The map is bounded: beyond maxKeys the longest-idle key is forgotten (it starts full again).

export interface RateLimit {
  burst: number;
  perSecond: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Take one token for `key`; false when its bucket is empty (the request should be refused). */
  take(key: string): boolean {
    const at = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((at - b.at) / 1000) * this.limit.perSecond);
    b.at = at;
    // Re-inserted so the map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
