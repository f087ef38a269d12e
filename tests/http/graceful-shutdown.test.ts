// Ctrl-C during a sync used to be ignored for 37–88 s (the demo backfill ran to its end before the app closed).
// SIGINT must stop taking work, leave the backfill at a resumable checkpoint, close the database and exit 0 within
// 5 s; a restart on the same file then carries the sync on.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../server/src/db/create-db.js";
import { findSyncState, type SyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { DEMO_SHOP } from "../../server/src/demo/demo-store.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXIT_DEADLINE_MS = 5_000;

interface AppProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startDemoApp(databaseUrl: string): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(40_000 + Math.floor(Math.random() * 20_000)),
      HOST: "127.0.0.1",
      DEMO_PLAY_EVERY_SECONDS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, output, exited };
}

async function waitFor<T>(
  what: string,
  app: AppProcess,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline || app.child.exitCode !== null)
      throw new Error(`gave up waiting for ${what}; the app said:\n${app.output.join("")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Orders imported so far, counting the customer phase (after every order) as further along than any bulk batch. */
const progress = (s: SyncState | undefined) =>
  !s ? -1 : s.phase === "live" ? Infinity : s.phase === "customers" ? 1e9 + s.customers_done : s.orders_done;

describe("graceful shutdown of the demo app in the middle of its backfill", () => {
  let dir: string;
  let handle: DbHandle;
  const apps: AppProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dangol-shutdown-"));
    handle = createDb({ kind: "sqlite", filename: path.join(dir, "dangol.sqlite") });
  });
  afterAll(async () => {
    for (const app of apps) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
    await Promise.all(apps.map((a) => a.exited));
    await handle?.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("SIGINT exits 0 within 5 s, the database is sound, and a restart carries the sync on", async () => {
    const url = `sqlite:${path.join(dir, "dangol.sqlite")}`;
    const first = startDemoApp(url);
    apps.push(first);
    // Mid-import: some orders stored, the backfill still running.
    const before = await waitFor(
      "orders being imported",
      first,
      async () => {
        const s = await findSyncState(handle.db, DEMO_SHOP).catch(() => undefined);
        return s && ((s.phase === "bulk" && s.orders_done > 0) || s.phase === "customers") ? s : undefined;
      },
      150_000,
    );

    const sentAt = Date.now();
    first.child.kill("SIGINT");
    const exit = await Promise.race([first.exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    const tookMs = (exit?.at ?? Date.now()) - sentAt;
    console.log(
      `[graceful-shutdown] SIGINT at ${before.orders_done} orders imported → exit ${exit?.code} in ${tookMs} ms`,
    );
    expect(exit, `still running 15 s after SIGINT:\n${first.output.join("")}`).not.toBeNull();
    expect(exit!.code, first.output.join("")).toBe(0);
    expect(tookMs).toBeLessThan(EXIT_DEADLINE_MS);

    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
    expect(integrity.rows.map((r) => r.integrity_check)).toEqual(["ok"]);
    const stopped = await findSyncState(handle.db, DEMO_SHOP);
    expect(stopped?.phase).not.toBe("failed"); // an interrupted backfill is resumable, not an error
    expect(stopped?.error ?? null).toBeNull();

    const second = startDemoApp(url);
    apps.push(second);
    // The demo's simulator is new on every start, so the stored export is gone: the backfill starts a new one and
    // imports from it (a real shop resumes the same operation; tests/sync/backfill-restart.test.ts).
    await waitFor(
      "the restarted backfill to import orders",
      second,
      async () => {
        const s = await findSyncState(handle.db, DEMO_SHOP);
        const importing = s?.bulk_operation_id !== stopped?.bulk_operation_id && (s?.orders_done ?? 0) > 0;
        return importing || progress(s) > progress(stopped) ? s : undefined;
      },
      150_000,
    );
    const orderRows = await handle.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(orderRows.n)).toBeGreaterThanOrEqual(before.orders_done); // nothing stored before the signal was lost
    second.child.kill("SIGINT");
    const secondExit = await second.exited;
    expect(secondExit.code, second.output.join("")).toBe(0);
  }, 360_000);
});
