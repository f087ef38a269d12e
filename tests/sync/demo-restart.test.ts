// Issue 13: `npm start` (demo mode) killed with SIGKILL at any moment (while the store seeds, during the orders
// export, during the customer export, during the first fit) and started again on the same database reaches
// "done" with exactly the seeded orders and customers, each once, in under a minute after the restart, and the
// dashboard is computed. The real entry point runs as a child process, as a merchant runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/src/db/create-db.js";
import { findSyncState, type SyncState } from "../../server/src/db/repositories/sync-state.repository.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHOP = "demo-dangol.myshopify.com";
/** The bound, from each restart to done. */
const RESTART_DEADLINE_MS = 60_000;
/** Reaching a moment to kill at is not what is measured (a loaded machine may take longer). */
const MOMENT_MS = 180_000;

interface Demo {
  child: ChildProcess;
  output: string[];
  text(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startDemo(env: Record<string, string>): Demo {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output, text: () => output.join("") };
}

function killHard(demo: Demo): Promise<void> {
  if (demo.child.exitCode !== null || demo.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    demo.child.once("exit", () => resolve());
    demo.child.kill("SIGKILL");
  });
}

interface Status {
  state: string;
  phase: string;
  orders: number;
  customers: number;
  progress: { done: number; total: number | null } | null;
}

async function statusOf(port: number): Promise<Status | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/sync/status`, { signal: AbortSignal.timeout(5_000) });
    return res.ok ? ((await res.json()) as Status) : undefined;
  } catch {
    return undefined; // not listening yet
  }
}

async function waitFor<T>(
  what: string,
  demo: Demo,
  probe: () => Promise<T | undefined>,
  ms: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (demo.child.exitCode !== null) throw new Error(`demo exited while waiting for ${what}:\n${demo.text()}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}:\n${demo.text()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe("the demo killed at any moment and started again", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dangol-demo-restart-"));
  const filename = path.join(dir, "dangol.sqlite");
  const running: Demo[] = [];
  let closeDb: () => Promise<void> = async () => undefined;
  afterAll(async () => {
    for (const demo of running) await killHard(demo);
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reaches done with exactly the seeded orders and customers, once each, within a minute of each restart", async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `sqlite:${filename}`,
      DANGOL_DATA_DIR: dir,
      DEMO_PLAY_EVERY_SECONDS: "0",
    };
    const launch = () => {
      const demo = startDemo(env);
      running.push(demo);
      return demo;
    };
    // Kill moments are read from the database (cheap at 50 ms); polling the status route that often would itself
    // load the app being measured.
    const { db } = createDb({ kind: "sqlite", filename });
    closeDb = () => db.destroy();
    const atPhase = (demo: Demo, phase: string, ms: number, also: (s: SyncState) => boolean = () => true) =>
      waitFor(
        `phase ${phase}`,
        demo,
        async () => {
          const state = await findSyncState(db, SHOP).catch(() => undefined); // not migrated yet
          if (state?.phase === phase && also(state)) return state;
          if (state?.phase === "live") throw new Error(`reached live before seeing phase ${phase}`);
          return undefined;
        },
        ms,
        50,
      );
    const kills: string[] = [];
    const untilDone = (demo: Demo, ms: number) =>
      waitFor(
        "done",
        demo,
        async () => {
          const s = await statusOf(port);
          return s?.state === "done" ? s : undefined;
        },
        ms,
      );
    const logged = (demo: Demo, pattern: RegExp, ms: number) =>
      waitFor(String(pattern), demo, async () => (pattern.test(demo.text()) ? true : undefined), ms);

    // 1. While the store seeds: the server answers, nothing is synced yet.
    let demo = launch();
    await waitFor(
      "the status route",
      demo,
      () => statusOf(port).then((x) => (x?.phase === "pending" ? x : undefined)),
      MOMENT_MS,
      200,
    );
    await killHard(demo);
    kills.push("seed");

    // 2. Mid-import of the orders export (some orders stored).
    demo = launch();
    await atPhase(demo, "bulk", MOMENT_MS, (s) => s.orders_done > 0);
    await killHard(demo);
    kills.push("orders export");

    // 3. Restarted after a kill mid-export: every order is in (the customer phase) within the minute; killed there.
    let restartedAt = Date.now();
    demo = launch();
    await atPhase(demo, "customers", RESTART_DEADLINE_MS);
    const afterOrdersKillMs = Date.now() - restartedAt;
    await killHard(demo);
    kills.push("customers export");

    // 4. Restarted after a kill in the customer phase: done within the minute; then killed during the first fit.
    restartedAt = Date.now();
    demo = launch();
    await untilDone(demo, RESTART_DEADLINE_MS);
    const afterCustomersKillMs = Date.now() - restartedAt;
    await logged(demo, /visited the storefront/, MOMENT_MS);
    await killHard(demo);
    kills.push("first fit");

    // 5. Restarted after the sync: done at once, and the dashboard is computed within the minute.
    restartedAt = Date.now();
    demo = launch();
    const done = await untilDone(demo, RESTART_DEADLINE_MS);
    // Predictions stored (the storefront publish that follows is not part of the dashboard).
    await logged(demo, /recompute \S+: \d+ customers in/, RESTART_DEADLINE_MS - (Date.now() - restartedAt));
    const predictedMs = Date.now() - restartedAt;
    const seeded = /seeded: (\d+) orders, (\d+) customers/.exec(demo.text());
    expect(seeded, demo.text()).not.toBeNull();
    const [orders, customers] = [Number(seeded![1]), Number(seeded![2])];
    expect(done.orders).toBe(orders);
    expect(done.customers).toBe(customers);
    const dashboard = (await (await fetch(`http://127.0.0.1:${port}/api/dashboard`)).json()) as {
      computedAt: string | null;
      kpis: { customers: number };
    };
    expect(dashboard.computedAt).not.toBeNull();
    expect(dashboard.kpis.customers).toBeGreaterThan(0);
    // Every preset can be seen: /preview's picker lists a first-purchase customer once decisions are written.
    await waitFor(
      "a first-purchase customer in /preview",
      demo,
      async () => {
        const html = await (await fetch(`http://127.0.0.1:${port}/preview`)).text();
        return html.includes("first-purchase follow-up") ? html : undefined;
      },
      RESTART_DEADLINE_MS,
      1000,
    );
    await killHard(demo);

    const count = async (table: "orders" | "customers", column: "order_id" | "customer_id") => {
      const row = await db
        .selectFrom(table)
        .select((eb) => [eb.fn.countAll<number>().as("rows"), eb.fn.count<number>(column).distinct().as("ids")])
        .where("shop_domain", "=", SHOP)
        .executeTakeFirstOrThrow();
      return [Number(row.rows), Number(row.ids)];
    };
    expect(await count("orders", "order_id")).toEqual([orders, orders]);
    expect(await count("customers", "customer_id")).toEqual([customers, customers]);
    console.log(
      `[demo-restart] killed during ${kills.join(", ")}. Restart after the orders kill → all orders in ` +
        `${afterOrdersKillMs} ms; after the customers kill → done ${afterCustomersKillMs} ms; ` +
        `after the first-fit kill → dashboard computed ${predictedMs} ms`,
    );
  }, 600_000);
});
