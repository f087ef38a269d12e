// The CPU side of a full recompute (store fit and per-customer predictions), as requests a worker thread answers
// one page at a time (recompute-worker.ts). inlineRecomputeEngine runs the same handler on the calling thread.
import type { VisitSummary } from "../domain/segments/visit-purchase-grid.js";
import type { CustomerHistory } from "../domain/timing/history.js";
import type { ProductOverrides } from "../domain/timing/non-product-lines.js";
import { predictCustomer } from "../domain/timing/predict-customer.js";
import type { CustomerPrediction } from "../domain/timing/prediction.js";
import { createStoreFitCollector, type StoreFitCollector } from "../domain/timing/store-fit-collector.js";
import type { StoreModel } from "../domain/timing/store-model.js";

export type EngineRequest =
  | { kind: "begin"; total: number; now: Date }
  | { kind: "add"; histories: CustomerHistory[] }
  | { kind: "fit"; overrides: ProductOverrides }
  /** A fitted model for the second pass (a fresh worker takes it: see recompute-worker-client.ts). */
  | { kind: "model"; model: StoreModel; now: Date }
  | { kind: "predict"; histories: CustomerHistory[]; visits: Map<string, VisitSummary> | null };

export interface RecomputeEngine {
  /** Starts a fit over `total` customers (it places the store's even samples). */
  begin(total: number, now: Date): Promise<void>;
  /** First pass: one page of histories, validated and folded into the fit. */
  add(histories: CustomerHistory[]): Promise<void>;
  fit(overrides: ProductOverrides): Promise<StoreModel>;
  /** Second pass: one page's predictions against the fitted model. */
  predict(histories: CustomerHistory[], visits: Map<string, VisitSummary> | null): Promise<CustomerPrediction[]>;
  close(): Promise<void>;
}

/** One recompute's state: the collector during the first pass, the model during the second. */
export function createEngineHandler(): (request: EngineRequest) => unknown {
  let collector: StoreFitCollector | null = null;
  let model: StoreModel | null = null;
  let now = new Date(0);
  return (request) => {
    switch (request.kind) {
      case "begin":
        now = request.now;
        collector = createStoreFitCollector(request.total, now);
        model = null;
        return undefined;
      case "add":
        for (const h of request.histories) started(collector).add(h);
        return undefined;
      case "fit":
        model = started(collector).finish(request.overrides);
        collector = null;
        return model;
      case "model":
        model = request.model;
        now = request.now;
        collector = null;
        return undefined;
      case "predict": {
        const fitted = started(model);
        return request.histories.map((h) => predictCustomer(h, fitted, now, visitOf(request.visits, h.customerId)));
      }
    }
  };
}

function started<T>(value: T | null): T {
  if (value === null) throw new Error("recompute engine: request out of order");
  return value;
}

/** Once a shop sends visit beacons, a customer without any is "no visit", not "unknown". */
export function visitOf(visits: Map<string, VisitSummary> | null, customerId: string): VisitSummary | undefined {
  return visits ? (visits.get(customerId) ?? { lastVisitAt: null }) : undefined;
}

/** The same work on the calling thread (small shops, tests that compare the two). */
export function inlineRecomputeEngine(): RecomputeEngine {
  const handle = createEngineHandler();
  const call = async <T>(request: EngineRequest) => handle(request) as T;
  return engineOf(call, async () => undefined);
}

export function engineOf(call: <T>(request: EngineRequest) => Promise<T>, close: () => Promise<void>): RecomputeEngine {
  return {
    begin: (total, now) => call({ kind: "begin", total, now }),
    add: (histories) => call({ kind: "add", histories }),
    fit: (overrides) => call({ kind: "fit", overrides }),
    predict: (histories, visits) => call({ kind: "predict", histories, visits }),
    close,
  };
}
