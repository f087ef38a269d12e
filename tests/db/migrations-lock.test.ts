import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Migrations are written once and never edited: a shop's database may already have run them.
const dir = path.resolve(import.meta.dirname, "../../server/src/db/migrations");
const lock: Record<string, string> = JSON.parse(readFileSync(path.resolve(dir, "../migrations.lock.json"), "utf8"));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort();

describe("migration lock", () => {
  it.each(files)("%s is locked and unchanged (new migration? run node scripts/lock-migrations.mjs)", (file) => {
    const hash = createHash("sha256")
      .update(readFileSync(path.join(dir, file)))
      .digest("hex");
    expect(lock[file], `${file} is not in migrations.lock.json`).toBeDefined();
    expect(hash, `${file} was edited after it was written; add a new migration instead`).toBe(lock[file]);
  });

  it("no locked migration was deleted", () => {
    expect(Object.keys(lock).filter((f) => !files.includes(f))).toEqual([]);
  });
});
