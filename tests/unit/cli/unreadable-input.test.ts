import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-cli-bad-"));
const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("CLI on unreadable input", () => {
  it("a corrupt .gz is bad input (exit 2, one clear line), not a crash", async () => {
    const corrupt = path.join(dir, "orders.csv.gz");
    writeFileSync(corrupt, "this is not gzip");
    const r = await run(["backtest", "--orders", corrupt, "--cutoff", "2010-06-01"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a valid gzip file/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
  });

  it("a truncated .gz is bad input too", async () => {
    const whole = gzipSync(`frequency,recency,T\n${"1,2,30\n".repeat(5000)}`);
    const cut = path.join(dir, "cut.csv.gz");
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const r = await run(["fit-bgnbd", "--summary", cut]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cut\.csv\.gz is not a valid gzip file/);
  });

  it("a directory given as a file is bad input", async () => {
    const r = await run(["fit-bgnbd", "--summary", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read .*: it is a directory, not a regular file/);
  });

  it("a FIFO is refused at once instead of waiting forever for a writer", async () => {
    const fifo = path.join(dir, "orders.fifo");
    execFileSync("mkfifo", [fifo]);
    const r = await run(["backtest", "--orders", fifo, "--cutoff", "2010-06-01"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/it is a FIFO \(named pipe\), not a regular file/);
  });

  // Through the real entry point, in a child with a deadline: the old reader never returned on /dev/zero.
  it("/dev/zero is refused with exit 2 instead of hanging", () => {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", "server/src/cli/main.ts", "fit-bgnbd", "--summary", "/dev/zero"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(child.signal).toBeNull();
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/Cannot read \/dev\/zero: it is a character device, not a regular file/);
  }, 40_000);

  it("a gzip bomb is reported as one, with the cap, not as a CSV error", async () => {
    const header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";
    // 64 MB of one repeated row compresses to about 100 KB; the cap here is 1 MB.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from(header), Buffer.alloc(64 * 1024 * 1024, "1,A,x,1,2010-01-01 10:00:00,3,12000,UK\n")]),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = path.join(dir, "bomb.csv.gz");
    writeFileSync(file, bomb);
    const r = await run(["backtest", "--orders", file, "--cutoff", "2010-06-01"], { maxInputBytes: 1024 * 1024 });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${file} expands past 1 MB: refusing (gzip bomb?)`);
    const summary = path.join(dir, "bomb-summary.csv.gz");
    writeFileSync(summary, gzipSync(Buffer.alloc(8 * 1024 * 1024)));
    const s = await run(["fit-bgnbd", "--summary", summary], { maxInputBytes: 1024 * 1024 });
    expect(s.err).toMatch(/expands past 1 MB: refusing \(gzip bomb\?\)/);
  });

  it("the default cap is 2 GB", async () => {
    const { DEFAULT_MAX_INPUT_BYTES, formatBytes } = await import("../../../server/src/cli/input-file.js");
    expect(formatBytes(DEFAULT_MAX_INPUT_BYTES)).toBe("2 GB");
  });
});
