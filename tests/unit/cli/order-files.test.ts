import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseColumnMap } from "../../../server/src/cli/orders/column-map.js";
import type { FormatName } from "../../../server/src/cli/orders/formats.js";
import { readOrderFile } from "../../../server/src/cli/orders/read-orders.js";
import { fixturePath } from "../../helpers/fixtures.js";
import { run } from "./run-cli.js";

const NOW = new Date("2026-01-01T00:00:00Z");
const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-orders-"));

async function read(file: string, format?: FormatName, map?: string, utcOffset?: string) {
  return readOrderFile(file, {
    format,
    map: parseColumnMap(map ? [map] : undefined),
    utcOffset,
    maxBad: { percent: 1 },
    now: NOW,
  });
}
const byId = (orders: Awaited<ReturnType<typeof read>>["orders"]) => new Map(orders.map((o) => [o.id, o]));

describe("order files from real stores", () => {
  it("Shopify's orders export: line items grouped under Name, stored by Id, customer by e-mail", async () => {
    const { orders, report } = await read(fixturePath("orders/shopify-orders.csv"));
    expect(report.format).toBe("shopify");
    const o = byId(orders);
    expect([...o.keys()]).toEqual(["5001", "5002", "5003", "5004", "5005", "5007", "5008", "5010"]);
    expect(o.get("5001")!.lines.map((l) => [l.productId, l.quantity, l.price])).toEqual([
      ["TEE-BLK-S", 2, 9.99],
      ["MUG", 1, 10],
    ]);
    expect(o.get("5003")!.customerId).toBe("ann@example.com"); // Ann@Example.com is the same customer
    expect(o.get("5003")!.at.toISOString()).toBe("2024-05-31T23:00:00.000Z"); // +0900 honoured
    expect(o.get("5004")!.state).toBe("refunded");
    expect(o.get("5005")!.state).toBe("cancelled"); // Cancelled at
    expect(o.get("5008")!.state).toBeNull(); // a Name starting with "C" is not a cancellation here
    expect(o.get("5007")!.at.toISOString()).toBe("2024-06-10T00:00:00.000Z"); // a date without a time is fine
    expect(o.get("5007")!.refunded).toBe(24);
    expect(report.skipped["guest order (no customer)"]).toBe(1);
    expect(report.badRowSamples).toEqual([{ line: 11, reason: 'Created at "last Tuesday" is not a date' }]);
  });

  it("Cafe24's export (BOM, CRLF, 45,000 amounts): cancellation read per line from 주문상태", async () => {
    const { orders, report } = await read(fixturePath("orders/cafe24-orders.csv"));
    expect(report.format).toBe("cafe24");
    const o = byId(orders);
    expect(o.get("20240501-0000001")!.lines[0]).toMatchObject({ title: "유기농 쌀 10kg", quantity: 1, price: 45000 });
    expect(o.get("20240502-0000003")!.lines.map((l) => l.productId)).toEqual(["P0001"]); // its 취소완료 line is left out
    expect(o.get("20240502-0000003")!.total).toBeNull(); // so the order total (which counted it) is not used
    expect(o.get("20240503-0000004")!.state).toBe("cancelled"); // 반품완료, its only line
    expect(o.get("20240504-0000005")!.state).toBeNull(); // 취소철회: the cancellation was withdrawn
    expect(o.get("20240504-0000005")!.lines[0].title).toBe('참기름 "전통" 350ml');
    expect(o.get("20240606-0000007")!.at.toISOString()).toBe("2024-06-05T15:00:00.000Z"); // midnight KST, no time given
    expect(o.get("20240501-0000001")!.at.toISOString()).toBe("2024-05-01T01:00:00.000Z"); // Cafe24 writes KST
    expect(o.has("20240505-0000006")).toBe(false); // 비회원: no 주문자ID
    expect(report.badRows).toBe(0);
  });

  it("Naver Smart Store's export: 주문상태 and 클레임상태 per 상품주문번호; 교환 is still a purchase", async () => {
    const { orders, report } = await read(fixturePath("orders/naver-orders.csv"));
    expect(report.format).toBe("naver");
    const o = byId(orders);
    expect(o.get("2024050110000000")!.lines).toHaveLength(2);
    expect(o.get("2024050110000000")!.at.toISOString()).toBe("2024-05-01T05:22:03.000Z"); // 14:22:03 KST
    expect(o.get("2024050310000010")!.state).toBe("cancelled");
    expect(o.get("2024050510000020")!.lines.map((l) => l.title)).toEqual(["그릭요거트 1kg"]); // the 반품완료 line is out
    expect(o.get("2024060110000030")!.state).toBeNull();
    expect(report.badRowSamples).toEqual([{ line: 8, reason: '수량 "abc" is not a number' }]);
    const utc = byId((await read(fixturePath("orders/naver-orders.csv"), undefined, undefined, "+00:00")).orders);
    expect(utc.get("2024050110000000")!.at.toISOString()).toBe("2024-05-01T14:22:03.000Z"); // --utc-offset overrides
    await expect(read(fixturePath("orders/naver-orders.csv"), undefined, undefined, "KST")).rejects.toThrow(
      /--utc-offset must look like \+09:00/,
    );
  });

  it("Online Retail: only its C invoices are cancellations; returns and free lines are left out", async () => {
    const { orders, report } = await read(fixturePath("orders/online-retail.csv"));
    expect(report.format).toBe("online-retail");
    expect(orders.map((o) => o.id)).toEqual(["489434", "489435", "489451", "489454", "489455"]);
    expect(report.skipped).toMatchObject({
      "cancellation invoice (C…)": 1,
      "guest order (no customer)": 1,
      "return line (quantity ≤ 0)": 1,
      "free line (price 0)": 1,
    });
    expect(byId(orders).get("489454")!.at.toISOString()).toBe("2009-12-05T00:00:00.000Z");
  });

  it("any other layout with --format custom --map", async () => {
    const map =
      "order=order_id,date=order_date,status=status,customer=customer_email,title=product_name,quantity=qty,price=item_price";
    const { orders } = await read(fixturePath("orders/custom-orders.csv"), "custom", map);
    const o = byId(orders);
    expect(o.get("W-101")!.lines).toHaveLength(2);
    expect(o.get("W-101")!.at.toISOString()).toBe("2024-05-09T03:30:00.000Z");
    expect(o.get("W-102")!.state).toBe("cancelled");
    expect(o.get("W-103")!.state).toBe("refunded");
    await expect(read(fixturePath("orders/custom-orders.csv"))).rejects.toThrow(
      /cannot tell the layout.*pass --format/,
    );
    await expect(read(fixturePath("orders/custom-orders.csv"), "custom", "order=order_id")).rejects.toThrow(
      /missing column\(s\).*--map customer=<header>,date=<header>/,
    );
    await expect(read(fixturePath("orders/custom-orders.csv"), "custom", "order=Order No")).rejects.toThrow(
      /"Order No" \(for order\)/,
    );
  });
});

describe("bad rows are reported and skipped up to --max-bad", () => {
  const HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
  function retailFile(rows: number, bad: number[]): string {
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
      const date = bad.includes(i) ? "31/31/2010" : `2010-0${1 + (i % 9)}-1${i % 10}${i % 2 ? "" : " 10:00:00"}`;
      lines.push(`${1000 + i},A${i % 7},ITEM,1,${date},2.5,${12000 + (i % 30)},UK`);
    }
    const file = path.join(dir, `retail-${rows}-${bad.length}-${Math.random()}.csv`);
    writeFileSync(file, lines.join("\n"));
    return file;
  }

  it("three unreadable rows in 300 (1 %) are skipped, and each is named with its line", async () => {
    const { report, orders } = await read(retailFile(300, [10, 150, 299]));
    expect(orders).toHaveLength(297);
    expect(report.badRowSamples.map((b) => b.line)).toEqual([12, 152, 301]);
    expect(report.badRowSamples[0].reason).toBe('InvoiceDate "31/31/2010" is not a date');
  });

  it("a fourth is past the limit: the file is refused with the lines, and --max-bad raises the limit", async () => {
    const file = retailFile(300, [10, 11, 150, 299]);
    await expect(read(file)).rejects.toThrow(
      /4 of 300 rows cannot be read \(limit 3; raise it with --max-bad\):\n {2}line 12: /,
    );
    const r = await run(["backtest", "--orders", file, "--cutoff", "2010-05-01", "--max-bad", "4"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^warning: .*skipped 4 unreadable row\(s\) of 300 \(limit 4\):\n {2}line 12: InvoiceDate "31\/31\/2010" is not a date/,
    );
    expect(JSON.parse(r.out).input[0].badRows).toBe(4);
  });
});

describe("backtest reads every layout the same way", () => {
  // The same 40 customers as cli.test.ts, once as Online Retail and once as a Shopify export.
  function histories(): Array<{ customer: number; order: number; day: string }> {
    const out = [];
    for (let c = 0; c < 40; c++)
      for (let k = 0; k < 6; k++) {
        const month = String(c < 20 ? 1 + ((k * 2 + (c % 2)) % 12) : 1 + k).padStart(2, "0");
        out.push({
          customer: c,
          order: c * 10 + k,
          day: `2010-${month}-${String(1 + ((c + k * 9) % 28)).padStart(2, "0")}`,
        });
      }
    return out;
  }
  it("gives the same figures from Shopify's layout as from Online Retail's", async () => {
    const retail = path.join(dir, "same-retail.csv");
    writeFileSync(
      retail,
      [
        "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country",
        ...histories().map((h) => `${h.order},MUG,MUG,2,${h.day} 10:00:00,2.5,${12000 + h.customer},UK`),
      ].join("\n"),
    );
    const shopify = path.join(dir, "same-shopify.csv");
    writeFileSync(
      shopify,
      [
        "Name,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Id",
        ...histories().map(
          (h) => `#${h.order},C${12000 + h.customer}@example.com,paid,5.00,${h.day},2,MUG,2.50,MUG,,${h.order}`,
        ),
        "#9999,c12000@example.com,refunded,5.00,2010-03-03 10:00:00 +0000,2,MUG,2.50,MUG,,9999",
        "#9998,c12001@example.com,paid,5.00,2010-03-04 10:00:00 +0000,2,MUG,2.50,MUG,2010-03-05 10:00:00 +0000,9998",
      ].join("\n"),
    );
    const a = await run(["backtest", "--orders", retail, "--cutoff", "2010-07-01"]);
    const b = await run(["backtest", "--orders", shopify, "--cutoff", "2010-07-01"]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const [ja, jb] = [JSON.parse(a.out), JSON.parse(b.out)];
    expect(jb.customers).toBe(40);
    expect({ ...jb, input: null }).toEqual({ ...ja, input: null });
    expect(jb.input[0].skipped).toMatchObject({
      "refunded order (stored, not modelled)": 1,
      "cancelled order (stored, not modelled)": 1,
    });
  });
});
