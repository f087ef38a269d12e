import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { createDb } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";

// Start-up with a bad variable must stop at once with one message naming it (no stack trace, no half-started server).
// Started as `npm start` starts it (start.ts, which may begin the demo simulator before loading main.ts).
type RunAs = { uid?: number; gid?: number; timeout?: number };

function start(env: Record<string, string>, options: RunAs = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/src/start.ts"], {
    env: { ...process.env, DATABASE_URL: "", PORT: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
    ...options,
  });
}

/** Root writes through any file mode, so as root the app is started as `nobody`, for whom the modes hold. */
const AS_UNPRIVILEGED: RunAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const randomPort = () => String(40_000 + Math.floor(Math.random() * 20_000));

async function migratedSqliteFile(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "dangol-ro-"));
  const file = path.join(dir, "dangol.sqlite");
  const { db } = createDb({ kind: "sqlite", filename: file });
  await migrateToLatest(db);
  await db.destroy();
  return { dir, file };
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

// It used to start, then fail on the first write ("Token exchange: SQLITE_READONLY") without naming the file.
describe("start-up with a database the app cannot write", { timeout: 60_000 }, () => {
  it("a read-only SQLite file stops start-up with one line naming the file and why", async () => {
    const { dir, file } = await migratedSqliteFile();
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    const r = start(
      { DATABASE_URL: `sqlite:${file}`, PORT: randomPort(), DEMO_PLAY_EVERY_SECONDS: "0" },
      { ...AS_UNPRIVILEGED, timeout: 45_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Database file ${file} is read-only (SQLITE_READONLY): check its permissions and owner, or set DATABASE_URL to a file this user can write`,
    );
  });

  it("a read-only folder (SQLite keeps its -wal and -shm files beside the database) is named as the cause", async () => {
    const { dir, file } = await migratedSqliteFile();
    chmodSync(file, 0o666);
    chmodSync(dir, 0o555);
    const r = start(
      { DATABASE_URL: `sqlite:${file}`, PORT: randomPort(), DEMO_PLAY_EVERY_SECONDS: "0" },
      { ...AS_UNPRIVILEGED, timeout: 45_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Database folder ${dir} is not writable \\(SQLITE_READONLY\\)`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a new database file in a folder it cannot write is named before SQLite tries", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dangol-ro-"));
    chmodSync(dir, 0o555);
    const file = path.join(dir, "fresh.sqlite");
    const r = start(
      { DATABASE_URL: `sqlite:${file}`, PORT: randomPort(), DEMO_PLAY_EVERY_SECONDS: "0" },
      { ...AS_UNPRIVILEGED, timeout: 45_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Database folder ${dir} is not writable \\(EACCES\\): cannot create ${file}`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

// Both used to crash with an unhandled 'error' event and its stack trace.
describe("start-up when the server cannot listen", { timeout: 60_000 }, () => {
  const freshDb = () => `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), "dangol-listen-")), "dangol.sqlite")}`;

  it("a busy port stops start-up with one line naming the port", async () => {
    const other = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => other.once("listening", resolve));
    const port = (other.address() as { port: number }).port;
    try {
      const r = start({ DATABASE_URL: freshDb(), PORT: String(port), HOST: "127.0.0.1", DEMO_PLAY_EVERY_SECONDS: "0" });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(`Port ${port} is already in use on 127.0.0.1: stop the other process or set PORT`);
    } finally {
      other.close();
    }
  });

  it("an unresolvable HOST stops start-up with one line naming it", () => {
    const r = start({
      DATABASE_URL: freshDb(),
      PORT: randomPort(),
      HOST: "nope.invalid",
      DEMO_PLAY_EVERY_SECONDS: "0",
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^HOST nope\.invalid cannot be resolved \((ENOTFOUND|EAI_AGAIN|EAI_FAIL)\): set HOST to an address of this machine, e\.g\. 127\.0\.0\.1 or 0\.0\.0\.0$/,
    );
  });
});
