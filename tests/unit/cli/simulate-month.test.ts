import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

// Bad flags are refused before the month's database and simulator start: exit 2, the reason, nothing printed on stdout.
describe("cli simulate-month refuses bad flags", () => {
  it.each([
    [["--customers", "abc"], /--customers must be a positive integer, got "abc"/],
    [["--customers", "0"], /--customers must be a positive integer/],
    [["--days=-3"], /--days must be a positive integer, got "-3"/],
    [["--days", "-3"], /'--days' argument is ambiguous[\s\S]*--days=-XYZ/],
    [["--seed", "1.5"], /--seed must be a positive integer/],
    [["--serve", "--port", "http"], /--port must be a positive integer/],
    [["--shoppers", "10"], /--shoppers/],
  ])("%j exits 2 with the reason", async (flags, message) => {
    const r = await run(["simulate-month", ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });
});
