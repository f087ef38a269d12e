// The store-level fit fed one customer at a time, so a full recompute holds a page of customers, not the shop.
// It keeps exactly what fitStoreModel reads from "every customer" (see StoreFitParts): the count, the product
// cycle sums, three RFM columns (24 bytes a customer) and the same even samples fitStoreModel draws (FIT_SAMPLE_SIZE
// customers with their days, amounts and units only; CALIBRATION_SAMPLE customers in full). Fed in the same order it
// fits the same model as fitStoreModel on the whole list (tests/unit/domain/timing/store-fit-collector.test.ts).
import { rfmCutpointsOfColumns } from "../segments/rfm.js";
import { ValidationError } from "../shared/errors.js";
import { dayIndex } from "./days.js";
import { FIT_SAMPLE_SIZE, fitStoreModelFromParts } from "./fit-store-model.js";
import { type CustomerHistory, validateHistory } from "./history.js";
import { CALIBRATION_SAMPLE } from "./learn-calibration.js";
import { NO_OVERRIDES, type ProductOverrides } from "./non-product-lines.js";
import { productCycleAccumulator } from "./product-cycles.js";
import { type PurchaseDay, toPurchaseDays, unitsOf } from "./purchase-days.js";
import type { StoreModel } from "./store-model.js";

/** `total` is the number of customers that will be added (it places the even samples); `add` validates each. */
export function createStoreFitCollector(total: number, now: Date) {
  const nowDay = dayIndex(now);
  const inFitSample = evenPicker(total, FIT_SAMPLE_SIZE);
  const inCalibration = evenPicker(total, CALIBRATION_SAMPLE);
  const sample: PurchaseDay[][] = [];
  const calibration: PurchaseDay[][] = [];
  const cycles = productCycleAccumulator();
  const rfm = rfmColumns(total);
  let added = 0;

  function add(h: CustomerHistory): void {
    validateHistory(h, now);
    const days = toPurchaseDays(h);
    cycles.add(days);
    rfm.push(
      nowDay - days[days.length - 1].day,
      days.length,
      days.reduce((s, p) => s + p.amount, 0),
    );
    if (inFitSample(added)) sample.push(days.map(dayAndAmount));
    if (inCalibration(added)) calibration.push(days);
    added++;
  }

  function finish(overrides: ProductOverrides = NO_OVERRIDES): StoreModel {
    if (added === 0) throw new ValidationError("No customer histories to fit the store model on");
    const [recency, frequency, monetary] = rfm.columns();
    const rfmCuts = rfmCutpointsOfColumns(recency, frequency, monetary);
    return fitStoreModelFromParts({ customers: added, sample, cycles, rfmCuts }, calibration, now, overrides);
  }

  return { add, finish, added: () => added };
}

export type StoreFitCollector = ReturnType<typeof createStoreFitCollector>;

/** True for the positions evenSample(all, size) picks from `total` items, asked in order 0, 1, 2, … */
export function evenPicker(total: number, size: number): (index: number) => boolean {
  if (total <= size) return () => true;
  const stride = total / size;
  let next = 0;
  return (index) => {
    if (next >= size || index !== Math.floor(next * stride)) return false;
    next++;
    return true;
  };
}

/** The sampled customers feed the gap, retention and BTYD fits, which read days, amounts and units only. */
const NONE = new Map<never, never>();
function dayAndAmount(d: PurchaseDay): PurchaseDay {
  return { day: d.day, amount: d.amount, quantities: NONE, titles: NONE, units: unitsOf(d) };
}

function rfmColumns(expected: number) {
  let size = 0;
  let cols = [0, 1, 2].map(() => new Float64Array(Math.max(expected, 16)));
  return {
    push(recency: number, frequency: number, monetary: number) {
      if (size === cols[0].length)
        cols = cols.map((c) => {
          const grown = new Float64Array(c.length * 2);
          grown.set(c);
          return grown;
        });
      cols[0][size] = recency;
      cols[1][size] = frequency;
      cols[2][size] = monetary;
      size++;
    },
    columns: () => cols.map((c) => c.subarray(0, size)),
  };
}
