import { money } from "../ids.js";

export function moneyBag(amount: number, currencyCode: string) {
  const value = { amount: money(amount), currencyCode };
  return { shopMoney: value, presentmentMoney: value };
}
