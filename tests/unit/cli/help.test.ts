import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("cli --help", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s prints every command's usage on stdout and exits 0", async (flag) => {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    for (const command of ["fit-bgnbd", "fit-gg", "backtest", "import"]) expect(r.out).toContain(`${command} --`);
    expect(r.out).toContain("--format online-retail|shopify|cafe24|naver|custom");
  });

  it.each([["backtest"], ["import"], ["fit-bgnbd"], ["fit-gg"]])(
    "%s --help prints that command's usage and exits 0",
    async (command) => {
      const r = await run([command, "--cutoff", "soon", "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: npm run cli -- ${command} --`));
      expect(r.err).toBe("");
    },
  );

  it("with no command at all it is still a usage error (exit 2, usage on stderr)", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage:/);
  });

  it("npm run cli -- --help works through the real entry point", () => {
    const child = spawnSync("npm", ["run", "--silent", "cli", "--", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^usage: npm run cli -- <command>/);
  }, 70_000);
});
