// Cafe24's two per-mall limits (Admin API guide, "API Limit"):
// - a leaky bucket of calls (40, draining 2 per second): a call that would overflow it gets 429;
//   `X-Api-Call-Limit: used/size` on every answer;
// - a usage quota per period (calls): `X-Cafe24-Call-Usage` in percent on every answer, and once it reaches
//   100 % every call is refused with `X-Cafe24-Call-Remain` (seconds). Calling while blocked extends the block.
export interface CallBucketOptions {
  size?: number;
  drainPerSecond?: number;
  /** Calls allowed per quota period (default 3,000 per 600 s, as reported for Cafe24; unconfirmed). */
  quotaCalls?: number;
  quotaPeriodSeconds?: number;
  /** Extra block per call made while blocked. */
  penaltySeconds?: number;
}

export interface BucketVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class CallBucket {
  private used = 0;
  private updatedAt: number;
  private periodStart: number;
  private periodCalls = 0;
  private blockedUntil = 0;
  private readonly size: number;
  private readonly drain: number;
  private readonly quota: number;
  private readonly periodMs: number;
  private readonly penaltyMs: number;

  constructor(
    options: CallBucketOptions,
    private readonly now: () => number,
  ) {
    this.size = options.size ?? 40;
    this.drain = options.drainPerSecond ?? 2;
    this.quota = options.quotaCalls ?? 3_000;
    this.periodMs = (options.quotaPeriodSeconds ?? 600) * 1000;
    this.penaltyMs = (options.penaltySeconds ?? 1) * 1000;
    this.updatedAt = now();
    this.periodStart = now();
  }

  /** Takes one call or refuses it; the headers go on the answer either way. */
  take(): BucketVerdict {
    const now = this.now();
    this.used = Math.max(0, this.used - ((now - this.updatedAt) / 1000) * this.drain);
    this.updatedAt = now;
    if (now - this.periodStart >= this.periodMs && now >= this.blockedUntil) {
      this.periodStart = now;
      this.periodCalls = 0;
    }
    if (now < this.blockedUntil) {
      this.blockedUntil += this.penaltyMs;
      return { allowed: false, headers: this.headers(now) };
    }
    if (this.used + 1 > this.size) return { allowed: false, headers: this.headers(now) };
    this.used += 1;
    this.periodCalls += 1;
    if (this.periodCalls >= this.quota) this.blockedUntil = this.periodStart + this.periodMs;
    return { allowed: true, headers: this.headers(now) };
  }

  private headers(now: number): Record<string, string> {
    const usage = (this.periodCalls / this.quota) * 100;
    const headers: Record<string, string> = {
      "X-Api-Call-Limit": `${Math.ceil(this.used)}/${this.size}`,
      "X-Cafe24-Call-Usage": usage.toFixed(2),
    };
    if (usage >= 100)
      headers["X-Cafe24-Call-Remain"] = String(Math.max(1, Math.ceil((this.blockedUntil - now) / 1000)));
    return headers;
  }
}
