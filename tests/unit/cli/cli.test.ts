import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../../helpers/fixtures.js";
import { run as runArgs } from "./run-cli.js";

const run = (...argv: string[]) => runArgs(argv);

const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-cli-"));
function file(name: string, text: string, gz = false) {
  const p = path.join(dir, name);
  writeFileSync(p, gz ? gzipSync(text) : text);
  return p;
}

const HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
function retailRows(): string[] {
  const rows: string[] = [];
  for (let c = 0; c < 40; c++)
    for (let k = 0; k < 6; k++) {
      const day = String(1 + ((c + k * 9) % 28)).padStart(2, "0");
      // Half the customers buy all year; the other half stop before July.
      const month = String(c < 20 ? 1 + ((k * 2 + (c % 2)) % 12) : 1 + k).padStart(2, "0");
      rows.push(
        `${c}${k}0,85123A,"MUG, WHITE",${1 + (c % 3)},2010-${month}-${day} 10:00:00,2.55,${12000 + c},United Kingdom`,
      );
    }
  rows.push(
    "C999,85123A,MUG,-1,2010-03-01 10:00:00,2.55,12000,United Kingdom",
    "999,85123A,MUG,1,2010-03-01 10:00:00,2.55,,United Kingdom",
  );
  return rows;
}

describe("npm run cli", () => {
  it("fit-bgnbd prints the CDNOW parameters as JSON", async () => {
    const r = await run("fit-bgnbd", "--summary", fixturePath("cdnow/cdnow_customers_summary.csv"));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).slice(0, 5)).toEqual(["r", "alpha", "a", "b", "ll"]);
    expect(json.r).toBeCloseTo(0.2426, 3);
    expect(json.ll).toBeCloseTo(-9582.43, 1);
  });

  it("fit-gg reads x/zbar and fits the repeat buyers", async () => {
    const r = await run("fit-gg", "--summary", fixturePath("cdnow/cdnow_customers_summary_with_transactions.csv"));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).p).toBeCloseTo(6.2488, 2);
  });

  it("backtest prints both models' figures", async () => {
    const orders = file("ok.csv.gz", [HEADER, ...retailRows()].join("\n"), true);
    const r = await run("backtest", "--orders", orders, "--cutoff", "2010-07-01", "--horizon-days", "365");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.horizonDays).toBeLessThan(365);
    expect(json.customers).toBe(40);
    expect(json.actualRepeatOrders).toBeGreaterThan(0);
    expect(json.reorderers).toBe(20);
    for (const m of [json.ours, json.bgnbd]) {
      expect(m.auc90).toBeGreaterThanOrEqual(0);
      expect(m.auc90).toBeLessThanOrEqual(1);
      expect(m.predictedRepeatOrders).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      "a missing column",
      "fit-bgnbd",
      () => file("nocol.csv", "ID,frequency,T\n1,2,30\n"),
      /missing column\(s\): recency/,
    ],
    ["a NaN value", "fit-bgnbd", () => file("nan.csv", "frequency,recency,T\n1,abc,30\n"), /recency is not a number/],
    ["a negative value", "fit-bgnbd", () => file("neg.csv", "frequency,recency,T\n1,-2,30\n"), /negative/],
    ["an empty file", "fit-bgnbd", () => file("empty.csv", "frequency,recency,T\n"), /empty/],
    ["a missing file", "fit-bgnbd", () => path.join(dir, "nope.csv"), /File not found/],
    ["a negative amount", "fit-gg", () => file("negm.csv", "x,zbar\n2,-4\n"), /negative amount/],
  ])("exits 2 with a clear message on %s", async (_n, command, make, message) => {
    const r = await run(command, "--summary", make());
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  // Row-level problems are refused outright with --max-bad 0 (by default they are skipped and reported: see order-files.test.ts).
  it.each([
    [
      "missing columns",
      `Invoice,StockCode,Quantity,InvoiceDate,Price,Country\n1,A,1,2010-01-01 10:00:00,1,UK`,
      /missing column\(s\): Customer ID/,
    ],
    ["a NaN price", `${HEADER}\n1,A,x,1,2010-01-01 10:00:00,abc,12000,UK`, /line 2: Price "abc" is not a number/],
    ["a negative price", `${HEADER}\n1,A,x,1,2010-01-01 10:00:00,-3,12000,UK`, /line 2: negative Price -3/],
    [
      "a future date",
      `${HEADER}\n1,A,x,1,2999-01-01 10:00:00,3,12000,UK`,
      /line 2: InvoiceDate 2999-01-01 10:00:00 is in the future/,
    ],
    ["no customer history", `${HEADER}\n1,A,x,1,2010-01-01 10:00:00,3,,UK`, /No customer orders/],
    [
      "one customer with 10,000 orders",
      [
        HEADER,
        ...Array.from(
          { length: 10_000 },
          (_, i) =>
            `${i},A,x,1,2009-${String(1 + (i % 12)).padStart(2, "0")}-01 ${String(i % 24).padStart(2, "0")}:00:00,3,12000,UK`,
        ),
      ].join("\n"),
      /customer 12000 has \d+ orders \(limit 5000\)/,
    ],
  ])("backtest exits 2 on %s", async (_n, text, message) => {
    const r = await run(
      "backtest",
      "--orders",
      file(`bad${Math.random()}.csv`, text),
      "--cutoff",
      "2009-11-15",
      "--max-bad",
      "0",
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it("exits 2 on usage errors", async () => {
    expect((await run()).code).toBe(2);
    expect((await run("nope")).err).toMatch(/unknown command/);
    expect((await run("fit-bgnbd")).err).toMatch(/Missing --summary/);
    expect((await run("backtest", "--orders", "x", "--cutoff", "soon")).err).toMatch(/must be a date/);
  });
});
