// Paces calls to a mall so Cafe24's bucket never overflows: each answer's `X-Api-Call-Limit: used/size` resets our
// estimate, the bucket drains 2 calls a second in between, and a call waits until the estimate leaves `reserve`
// free (other instances and webhook-driven calls share the bucket). Once the usage quota is spent,
// `X-Cafe24-Call-Remain` says how long to stay silent: calling while blocked would extend the block.
export interface CallBudgetOptions {
  drainPerSecond?: number;
  /** Calls left free in the bucket for others. */
  reserve?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface MallBudget {
  used: number;
  size: number;
  at: number;
  inFlight: number;
  blockedUntil: number;
}

export class CallBudget {
  private readonly malls = new Map<string, MallBudget>();
  private readonly drain: number;
  private readonly reserve: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Total time spent waiting, for tests and logs. */
  waitedMs = 0;

  constructor(options: CallBudgetOptions = {}) {
    this.drain = options.drainPerSecond ?? 2;
    this.reserve = options.reserve ?? 2;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Waits until one more call fits, then counts it as in flight. */
  async acquire(mallId: string): Promise<void> {
    const budget = this.budgetOf(mallId);
    for (;;) {
      const now = this.now();
      if (now < budget.blockedUntil) {
        await this.wait(budget.blockedUntil - now);
        continue;
      }
      const estimate = Math.max(0, budget.used - ((now - budget.at) / 1000) * this.drain) + budget.inFlight;
      const room = budget.size - this.reserve;
      if (estimate + 1 <= room) {
        budget.inFlight++;
        return;
      }
      await this.wait(Math.ceil(((estimate + 1 - room) / this.drain) * 1000));
    }
  }

  /** Reads the answer's limit headers (status 429 means the bucket was full whatever our estimate said). */
  settle(mallId: string, headers: Headers, status: number): void {
    const budget = this.budgetOf(mallId);
    budget.inFlight = Math.max(0, budget.inFlight - 1);
    const now = this.now();
    const limit = /^(\d+)\/(\d+)$/.exec(headers.get("x-api-call-limit") ?? "");
    if (limit) {
      budget.used = Number(limit[1]);
      budget.size = Number(limit[2]);
      budget.at = now;
    }
    if (status === 429 && !limit) {
      budget.used = budget.size;
      budget.at = now;
    }
    const remain = Number(headers.get("x-cafe24-call-remain"));
    if (remain > 0) budget.blockedUntil = now + remain * 1000;
  }

  /** Gives back an acquired call that never reached Cafe24 (network error). */
  cancel(mallId: string): void {
    const budget = this.budgetOf(mallId);
    budget.inFlight = Math.max(0, budget.inFlight - 1);
  }

  private async wait(ms: number): Promise<void> {
    this.waitedMs += ms;
    await this.sleep(ms);
  }

  private budgetOf(mallId: string): MallBudget {
    let budget = this.malls.get(mallId);
    if (!budget) {
      budget = { used: 0, size: 40, at: this.now(), inFlight: 0, blockedUntil: 0 };
      this.malls.set(mallId, budget);
    }
    return budget;
  }
}
