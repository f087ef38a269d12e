// Signed webhook delivery, at-least-once: retries with exponential backoff on non-2xx/timeouts, and optional
// chaos (duplicate deliveries, random order) driven by a seeded RNG so a test run is reproducible.
import { createHmac, randomUUID } from "node:crypto";
import { createRng, type Rng } from "./rng.js";

export interface ChaosOptions {
  /** Probability (0..1) that a delivery is sent twice with the same X-Shopify-Webhook-Id. */
  duplicateRate?: number;
  /** Send queued deliveries in random order instead of first-in first-out. */
  reorder?: boolean;
  seed?: number;
}

export interface RetryOptions {
  /** Total attempts per delivery (Shopify: 8 over 4 hours). */
  attempts?: number;
  /** First retry delay; doubles each time. */
  baseDelayMs?: number;
}

export interface WebhookSubscriptionInput {
  topic: string;
  address: string;
  shop?: string;
}

export interface DeliveryLogEntry {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  address: string;
  attempt: number;
  /** HTTP status, or "timeout" / "error". */
  outcome: number | "timeout" | "error";
  duplicate: boolean;
}

interface Delivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  address: string;
  body: string;
  triggeredAt: string;
  attempt: number;
  duplicate: boolean;
}

export interface WebhookSenderOptions {
  secret: string;
  apiVersion: string;
  chaos?: ChaosOptions;
  retry?: RetryOptions;
  timeoutMs?: number;
  concurrency?: number;
}

export class WebhookSender {
  readonly log: DeliveryLogEntry[] = [];
  private subscriptions: WebhookSubscriptionInput[] = [];
  private queue: Delivery[] = [];
  private inFlight = 0;
  private retriesPending = new Set<NodeJS.Timeout>();
  private pumpScheduled = false;
  private waiters: Array<() => void> = [];
  private closed = false;
  private readonly rng: Rng;

  constructor(private readonly options: WebhookSenderOptions) {
    this.rng = createRng(options.chaos?.seed ?? 42);
  }

  /** Registers an address for one or more topics (all shops unless `shop` is given). Returns an unsubscribe function. */
  subscribe(topics: string | string[], address: string, shop?: string): () => void {
    const added: WebhookSubscriptionInput[] = (Array.isArray(topics) ? topics : [topics]).map((topic) => ({
      topic: normalizeTopic(topic),
      address,
      shop,
    }));
    this.subscriptions.push(...added);
    return () => {
      this.subscriptions = this.subscriptions.filter((s) => !added.includes(s));
    };
  }

  subscriptionsFor(shop: string, topic: string): WebhookSubscriptionInput[] {
    return this.subscriptions.filter((s) => s.topic === normalizeTopic(topic) && (!s.shop || s.shop === shop));
  }

  /** Queues one delivery per matching subscription. Returns the event id. */
  publish(shop: string, topic: string, payload: unknown, triggeredAt: Date): string {
    const eventId = randomUUID();
    const body = JSON.stringify(payload);
    for (const subscription of this.subscriptionsFor(shop, topic)) {
      const delivery: Delivery = {
        webhookId: randomUUID(),
        eventId,
        topic: normalizeTopic(topic),
        shop,
        address: subscription.address,
        body,
        triggeredAt: triggeredAt.toISOString(),
        attempt: 1,
        duplicate: false,
      };
      this.queue.push(delivery);
      if (this.rng() < (this.options.chaos?.duplicateRate ?? 0)) this.queue.push({ ...delivery, duplicate: true });
    }
    this.schedulePump();
    return eventId;
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  drain(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.retriesPending) clearTimeout(timer);
    this.retriesPending.clear();
    this.queue = [];
    this.notifyIfIdle();
  }

  sign(body: string): string {
    return createHmac("sha256", this.options.secret).update(body).digest("base64");
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.retriesPending.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.idle() && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  // Deferred so a burst of synchronous publishes is queued before the first pick (reproducible reordering).
  private schedulePump(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 8;
    while (!this.closed && this.inFlight < limit && this.queue.length) {
      const index = this.options.chaos?.reorder ? Math.floor(this.rng() * this.queue.length) : 0;
      const [delivery] = this.queue.splice(index, 1);
      this.inFlight++;
      void this.send(delivery).finally(() => {
        this.inFlight--;
        this.pump();
        this.notifyIfIdle();
      });
    }
  }

  private async send(delivery: Delivery): Promise<void> {
    let outcome: DeliveryLogEntry["outcome"];
    try {
      const response = await fetch(delivery.address, {
        method: "POST",
        body: delivery.body,
        headers: this.headers(delivery),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      outcome = response.status;
    } catch (error) {
      outcome = (error as Error).name === "TimeoutError" ? "timeout" : "error";
    }
    this.log.push({
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      topic: delivery.topic,
      shop: delivery.shop,
      address: delivery.address,
      attempt: delivery.attempt,
      outcome,
      duplicate: delivery.duplicate,
    });
    const ok = typeof outcome === "number" && outcome >= 200 && outcome < 300;
    if (!ok) this.retry(delivery);
  }

  private retry(delivery: Delivery): void {
    const attempts = this.options.retry?.attempts ?? 8;
    if (this.closed || delivery.attempt >= attempts) return;
    const delay = (this.options.retry?.baseDelayMs ?? 1000) * 2 ** (delivery.attempt - 1);
    const timer = setTimeout(() => {
      this.retriesPending.delete(timer);
      this.queue.push({ ...delivery, attempt: delivery.attempt + 1 });
      this.schedulePump();
    }, delay);
    this.retriesPending.add(timer);
  }

  private headers(delivery: Delivery): Record<string, string> {
    return {
      "Content-Type": "application/json",
      "User-Agent": "Shopify-Captain-Hook",
      "X-Shopify-Topic": delivery.topic,
      "X-Shopify-Hmac-Sha256": this.sign(delivery.body),
      "X-Shopify-Shop-Domain": delivery.shop,
      "X-Shopify-API-Version": this.options.apiVersion,
      "X-Shopify-Webhook-Id": delivery.webhookId,
      "X-Shopify-Event-Id": delivery.eventId,
      "X-Shopify-Triggered-At": delivery.triggeredAt,
    };
  }
}

export const KNOWN_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "app/uninstalled",
  "bulk_operations/finish",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

/** "ORDERS_CREATE" and "orders/create" both mean orders/create (the library's UPPER_SNAKE form). */
export function normalizeTopic(topic: string): string {
  if (topic.includes("/")) return topic.toLowerCase();
  const snake = topic.toLowerCase();
  return KNOWN_TOPICS.find((known) => known.replace("/", "_") === snake) ?? snake.replace("_", "/");
}
