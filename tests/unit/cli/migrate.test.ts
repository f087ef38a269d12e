import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("npm run db:migrate", () => {
  it("migrates the configured SQLite file, then says it is up to date", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dangol-migrate-")), "db.sqlite");
    const migrate = () =>
      spawnSync("npm", ["run", "--silent", "db:migrate"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PG_URL: "" },
      });
    const first = migrate();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^Applied \\d+ migration\\(s\\) to ${file}: 2026_11_22_0100_core`));
    const again = migrate();
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(`${file} is up to date`);
  }, 130_000);
});
