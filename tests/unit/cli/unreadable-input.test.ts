import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../server/src/cli/main.js";

function run(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = runCli(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-cli-bad-"));

describe("CLI on unreadable input", () => {
  it("a corrupt .gz is bad input (exit 2, one clear line), not a crash", () => {
    const corrupt = path.join(dir, "orders.csv.gz");
    writeFileSync(corrupt, "this is not gzip");
    const r = run("backtest", "--orders", corrupt, "--cutoff", "2010-06-01");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a valid gzip file/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
  });

  it("a directory given as a file is bad input", () => {
    const r = run("fit-bgnbd", "--summary", dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read/);
  });
});
