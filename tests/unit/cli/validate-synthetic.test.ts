import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

describe("cli validate-synthetic", () => {
  it("backtests one regime at its three cutoffs: JSON on stdout, a table on stderr", async () => {
    const r = await run(["validate-synthetic", "--regime", "one-timers", "--customers", "400", "--horizon-days", "90"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.horizonDays).toBe(90);
    expect(json.rows.map((row: { regime: string }) => row.regime)).toEqual(["one-timers", "one-timers", "one-timers"]);
    for (const row of json.rows) expect(row.result.actualRepeatOrders).toBeGreaterThan(0);
    expect(r.err).toMatch(/regime\s+cutoff\s+cust\s+actual\s+ours%/);
    expect(r.err.split("\n").filter((l) => l.startsWith("one-timers"))).toHaveLength(3);
  }, 60_000);

  it.each([
    [["--regime", "grocery"], /Unknown --regime "grocery"/],
    [["--horizon-days", "400"], /at most 365/],
    [["--customers", "0"], /--customers must be a positive integer/],
  ])("refuses %j with exit 2", async (flags, message) => {
    const r = await run(["validate-synthetic", ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
