import { DEFAULT_BAD_ROW_LIMIT } from "./orders/bad-rows.js";
import { readOrderFile, type FileOrder } from "./orders/read-orders.js";

export { toHistories } from "./orders/to-domain.js";

/**
 * Reads one UCI Online Retail CSV(.gz) as orders (the benchmarks' and dev-split test's home data). Guests, "C"
 * cancellation invoices, returns (Quantity ≤ 0) and free lines (Price 0) are left out; see orders/formats.ts.
 */
export async function readOnlineRetail(path: string, now: Date): Promise<FileOrder[]> {
  return (await readOrderFile(path, { format: "online-retail", maxBad: DEFAULT_BAD_ROW_LIMIT, now })).orders;
}
