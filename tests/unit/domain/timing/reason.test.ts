import { describe, expect, it } from "vitest";
import { reasonLine } from "../../../../server/src/domain/timing/reason.js";

const base = { orders: 6, cycleDays: 17, spreadDays: 23, elapsedDays: 40, earlyDays: 5, lateDays: 35 };

describe("reasonLine", () => {
  it("says a wide spread in words instead of '17 ± 23일마다 구매'", () => {
    const r = reasonLine(base);
    expect(r.ko).toBe(
      "보통 17일쯤마다 구매해요 (주기가 들쭉날쭉해요). 마지막 주문 후 40일이 지났고, 평소보다 늦어지고 있어요.",
    );
    expect(r.en).toBe(
      "Buys about every 17 days, though the gaps vary a lot. Last order 40 days ago: later than usual.",
    );
    for (const line of [r.en, r.ko]) expect(line).not.toMatch(/±|→|;/);
  });

  it("calls a steady buyer regular and tells where they stand", () => {
    const r = reasonLine({ ...base, cycleDays: 30, spreadDays: 4, elapsedDays: 28, earlyDays: 24, lateDays: 36 });
    expect(r.ko).toBe(
      "보통 30일쯤마다 구매해요 (꽤 규칙적이에요). 마지막 주문 후 28일이 지났고, 지금이 재구매 시기예요.",
    );
    expect(r.en).toBe("Buys about every 30 days, quite regularly. Last order 28 days ago: due to reorder now.");
    const middling = reasonLine({ ...base, cycleDays: 30, spreadDays: 15, elapsedDays: 0, earlyDays: 20 });
    expect(middling.ko).toBe("보통 30일쯤마다 구매해요. 오늘 주문했고, 아직 재구매 시기 전이에요.");
    expect(middling.en).toBe("Buys about every 30 days. Last order today: not due yet.");
  });

  it("explains a first order by what similar shoppers do", () => {
    const r = reasonLine({ ...base, orders: 1, cycleDays: 29.6, elapsedDays: 1, earlyDays: 12, lateDays: 60 });
    expect(r.ko).toBe(
      "1일 전에 첫 주문을 했어요. 비슷한 고객은 보통 30일쯤 뒤에 다시 구매해요. 아직 재구매 시기 전이에요.",
    );
    expect(r.en).toBe("First order 1 day ago. Similar shoppers reorder after about 30 days: not due yet.");
  });
});

describe("reasonLine beside a 'not expected within 90 days' outlook", () => {
  const unlikely = { horizonDays: 90, pOrder: 0.234, expected: false };
  const inWindow = { ...base, cycleDays: 30, spreadDays: 4, elapsedDays: 28, earlyDays: 24, lateDays: 36 };

  it("says the usual window is open but an order is unlikely, never 'now'", () => {
    const r = reasonLine({ ...inWindow, outlook: unlikely });
    expect(r.en).toBe(
      "Buys about every 30 days, quite regularly. Last order 28 days ago: in their usual reorder window, but an order within 90 days is unlikely (23%).",
    );
    expect(r.ko).toBe(
      "보통 30일쯤마다 구매해요 (꽤 규칙적이에요). 마지막 주문 후 28일이 지났고, 평소 재구매 시기이지만 90일 안에 주문할 가능성은 낮아요(23%).",
    );
    const first = reasonLine({ ...inWindow, orders: 1, outlook: { ...unlikely, pOrder: 0.499 } });
    expect(first.en).toBe(
      "First order 28 days ago. Similar shoppers reorder after about 30 days: within the usual reorder window, but an order within 90 days is unlikely (49%).",
    );
    expect(first.ko).toBe(
      "28일 전에 첫 주문을 했어요. 비슷한 고객은 보통 30일쯤 뒤에 다시 구매해요. 재구매 시기에 들어 있지만 90일 안에 주문할 가능성은 낮아요(49%).",
    );
  });

  it("adds the chance to 'later than usual' and leaves 'not due yet' and expected orders as they were", () => {
    const late = reasonLine({ ...base, outlook: { ...unlikely, pOrder: 0.001 } });
    expect(late.en).toBe(
      "Buys about every 17 days, though the gaps vary a lot. Last order 40 days ago: later than usual, and an order within 90 days is unlikely (<1%).",
    );
    expect(late.ko).toBe(
      "보통 17일쯤마다 구매해요 (주기가 들쭉날쭉해요). 마지막 주문 후 40일이 지났고, 평소보다 늦어지고 있어요. 90일 안에 주문할 가능성도 낮아요(<1%).",
    );
    const early = { ...inWindow, elapsedDays: 10 };
    expect(reasonLine({ ...early, outlook: unlikely })).toEqual(reasonLine(early));
    expect(reasonLine({ ...inWindow, outlook: { ...unlikely, pOrder: 0.7, expected: true } })).toEqual(
      reasonLine(inWindow),
    );
  });
});
