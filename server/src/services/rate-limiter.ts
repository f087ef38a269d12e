import { LRUCache } from "lru-cache";

export interface RateLimit {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Sustained requests per minute (the refill rate). */
  perMinute: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per key, in this process's memory: a second instance keeps its own buckets, so N instances allow
 * N times the rate (a shared store such as Redis would be needed for a global limit). Keys idle long enough to
 * refill completely are dropped, and at most `maxKeys` are kept (least recently used first out).
 */
export function createRateLimiter(limit: RateLimit, now: () => number, maxKeys = 100_000) {
  const perMs = limit.perMinute / 60_000;
  const buckets = new LRUCache<string, Bucket>({
    max: maxKeys,
    ttl: Math.ceil(limit.burst / perMs),
    ttlAutopurge: false,
  });
  const level = (key: string, at: number): number => {
    const b = buckets.get(key);
    return b ? Math.min(limit.burst, b.tokens + (at - b.at) * perMs) : limit.burst;
  };
  return {
    /** Whether one more request fits, without spending it. */
    check(key: string): RateVerdict {
      const tokens = level(key, now());
      if (tokens >= 1) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    /** Spends one request (call after every limiter involved has allowed it). */
    take(key: string): void {
      const at = now();
      buckets.set(key, { tokens: level(key, at) - 1, at });
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The stricter of several verdicts: allowed only if all allow; otherwise the longest wait. */
export function combineVerdicts(verdicts: RateVerdict[]): RateVerdict {
  const waits = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterSeconds]));
  return waits.length ? { allowed: false, retryAfterSeconds: Math.max(...waits) } : { allowed: true };
}
