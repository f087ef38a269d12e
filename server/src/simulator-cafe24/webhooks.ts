// Webhook delivery as Cafe24 does it: a JSON POST carrying the app's key in `x-api-key` (Cafe24 asks apps to
// check it and answer 403 when it is wrong; there is no HMAC). Retried with backoff on non-2xx or network errors.
export interface Cafe24WebhookLogEntry {
  mallId: string;
  address: string;
  eventNo: number | string;
  attempt: number;
  outcome: number | "error";
}

export interface Cafe24WebhookOptions {
  apiKey: string;
  attempts?: number;
  baseDelayMs?: number;
}

export class Cafe24WebhookSender {
  readonly log: Cafe24WebhookLogEntry[] = [];
  private readonly subscriptions: Array<{ address: string; mallId?: string }> = [];
  private inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: Cafe24WebhookOptions) {}

  subscribe(address: string, mallId?: string): void {
    this.subscriptions.push({ address, mallId });
  }

  /** Sends `body` to every subscription for the mall. */
  publish(mallId: string, eventNo: number | string, body: unknown): void {
    for (const sub of this.subscriptions) {
      if (sub.mallId && sub.mallId !== mallId) continue;
      const delivery = this.deliver(mallId, sub.address, eventNo, JSON.stringify(body)).finally(() =>
        this.inFlight.delete(delivery),
      );
      this.inFlight.add(delivery);
    }
  }

  /** Waits until every delivery (with its retries) has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  private async deliver(mallId: string, address: string, eventNo: number | string, body: string): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; attempt <= attempts && !this.closed; attempt++) {
      let outcome: number | "error";
      try {
        const res = await fetch(address, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": this.options.apiKey },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        outcome = res.status;
        await res.arrayBuffer();
      } catch {
        outcome = "error";
      }
      this.log.push({ mallId, address, eventNo, attempt, outcome });
      if (typeof outcome === "number" && outcome >= 200 && outcome < 300) return;
      await new Promise((resolve) => setTimeout(resolve, (this.options.baseDelayMs ?? 1_000) * 2 ** (attempt - 1)));
    }
  }
}
