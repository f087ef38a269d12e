// Signed orders/create deliveries for new orders of a simulated shop's existing customers; each order is put in
// the simulator first, so the app's ownership check (order(id:) in that shop) confirms it.
import { fork } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { bareOrderRecord } from "./sim-orders.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SENDER = path.join(import.meta.dirname, "burst-sender.ts");

export interface Delivery {
  shop: string;
  webhookId: string;
  orderId: number;
  body: string;
  headers: Record<string, string>;
}

export function orderDeliveries(
  sim: SimulatorHandle,
  apiSecret: string,
  shop: string,
  count: number,
  firstId: number,
): Delivery[] {
  const store = sim.store(shop);
  const customerIds = [...store.customers.keys()];
  const at = Date.parse("2010-03-01T00:00:00Z");
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i;
    const customerId = customerIds[i % customerIds.length];
    store.putOrder(bareOrderRecord(id, customerId, at));
    const iso = new Date(at).toISOString();
    const body = JSON.stringify({
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      created_at: iso,
      updated_at: iso,
      processed_at: iso,
      cancelled_at: null,
      test: false,
      currency: "GBP",
      total_price: "12.50",
      customer: { id: customerId },
      discount_codes: [],
      refunds: [],
      line_items: [{ id: 1, title: "Mug", quantity: 1, price: "12.50", product_id: 77, variant_id: 78 }],
    });
    const webhookId = randomUUID();
    const headers = {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": webhookId,
      "x-shopify-triggered-at": new Date().toISOString(),
      "x-shopify-hmac-sha256": createHmac("sha256", apiSecret).update(body).digest("base64"),
    };
    return { shop, webhookId, orderId: id, body, headers };
  });
}

/** What a sender saw: the statuses that were not 200 in the end, and how long each delivery waited for its answer. */
export interface PostOutcome {
  bad: number[];
  answerMs: number[];
  /** CPU the sending process used (user + system), ms. */
  senderCpuMs: number;
}

/**
 * Posts every delivery, `parallel` at a time, to the instances in turn; a delivery whose connection failed is sent
 * again to the next instance, as Shopify retries (up to 5 tries; the webhook id dedupes). `answerMs` is each
 * delivery's last try, from sending to its answer. The sending runs in a process of its own (burst-sender.ts says
 * why), so the caller's work (the store simulator, its GC) does not delay it.
 */
export function postAll(urls: string[], deliveries: Delivery[], parallel = 100): Promise<PostOutcome> {
  const child = fork(SENDER, {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (outcome) => resolve(outcome as PostOutcome));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the burst sender exited (${code}) before answering`)));
    child.send({ urls, deliveries, parallel });
  });
}

/** The q-quantile (0..1) of some figures, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
