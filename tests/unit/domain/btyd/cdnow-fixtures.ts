import { readFileSync } from "node:fs";
import { fixturePath } from "../../../helpers/fixtures.js";

/** CDNOW files vendored in tests/fixtures/cdnow, parsed once per test file. */
const lines = (file: string) =>
  readFileSync(fixturePath(file), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));

export const cdnowSummary = () => lines("cdnow/cdnow_customers_summary.csv").map(([, x, tx, T]) => ({ x, tx, T }));
export const cdnowSpend = () =>
  lines("cdnow/cdnow_customers_summary_with_transactions.csv").map(([, x, , , zbar]) => ({ x, zbar }));
export const referencePredictions = () =>
  lines("cdnow/cdnow_lifetimes_reference_predictions.csv").map(([id, x, tx, T, pAlive, ce39, ce52, , , gg]) => ({
    id,
    x,
    tx,
    T,
    pAlive,
    ce39,
    ce52,
    gg,
  }));
export const referenceParams = () =>
  JSON.parse(readFileSync(fixturePath("cdnow/cdnow_lifetimes_params.json"), "utf8")) as {
    bgnbd: { r: number; alpha: number; a: number; b: number };
    gg: { p: number; q: number; v: number };
  };

export const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
