import type { CustomerHistory, Purchase } from "../../../../server/src/domain/timing/history.js";

export const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;

/** A purchase `daysAgo` days before NOW. */
export function aPurchase(daysAgo: number, productId = "coffee", quantity = 1, amount = 20): Purchase {
  return {
    at: new Date(NOW.getTime() - daysAgo * DAY),
    amount,
    lines: [{ productId, variantId: null, title: productId, quantity }],
  };
}

/** A customer buying `productId` every `gap` days (± jitter from a fixed pattern), last purchase `lastAgo` days ago. */
export function aRegular(
  id: string,
  gap: number,
  orders: number,
  lastAgo: number,
  productId = "coffee",
  quantity = 1,
): CustomerHistory {
  const jitter = [0, 2, -1, 1, -2, 0, 1, -1];
  const purchases: Purchase[] = [];
  let ago = lastAgo;
  for (let i = 0; i < orders; i++) {
    purchases.push(aPurchase(ago, productId, quantity));
    ago += gap + (gap >= 10 ? jitter[i % jitter.length] : 0);
  }
  return { customerId: id, purchases: purchases.reverse() };
}

/** A store where coffee buyers return every ~21 days and shampoo buyers every ~60 days. */
export function aStore(): CustomerHistory[] {
  const out: CustomerHistory[] = [];
  for (let i = 0; i < 60; i++) out.push(aRegular(`c${i}`, 21, 3 + (i % 5), i % 15, "coffee"));
  for (let i = 0; i < 60; i++) out.push(aRegular(`s${i}`, 60, 2 + (i % 3), i % 40, "shampoo"));
  return out;
}
