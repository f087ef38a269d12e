import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

// Start-up with a bad variable must stop at once with one message naming it (no stack trace, no half-started server).
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    env: { ...process.env, DATABASE_URL: "", PORT: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up configuration errors", () => {
  it("stops on a malformed PORT, naming it", () => {
    const r = start({ PORT: "eighty" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PORT must be an integer/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("stops on a malformed DATABASE_URL, naming it", () => {
    const r = start({ DATABASE_URL: "mysql://localhost/x" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL must start with sqlite: or postgres:\/\//);
  });
});
