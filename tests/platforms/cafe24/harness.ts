// A Cafe24 simulator, a migrated database and the Cafe24 module wired to both, installed through the real
// authorization-code flow (authorize → redirect with code and state → token exchange).
import {
  startCafe24Simulator,
  type Cafe24SimulatorHandle,
  type Cafe24SimulatorOptions,
} from "../../../server/src/simulator-cafe24/index.js";
import {
  createCafe24Module,
  type Cafe24Module,
  type Cafe24ModuleOptions,
} from "../../../server/src/platforms/cafe24/index.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";

export const CAFE24_APP = {
  clientId: "dangol-cafe24-client",
  clientSecret: "dangol-cafe24-secret",
  redirectUri: "https://dangol.example/cafe24/callback",
  scopes: [
    "mall.read_order",
    "mall.read_customer",
    "mall.read_privacy",
    "mall.read_promotion",
    "mall.write_promotion",
    "mall.read_application",
    "mall.write_application",
  ],
  webhookApiKey: "cafe24-webhook-key",
};

export interface Cafe24Harness {
  sim: Cafe24SimulatorHandle;
  db: TestDb;
  module(overrides?: Partial<Cafe24ModuleOptions>): Cafe24Module;
  install(mallId: string, module?: Cafe24Module): Promise<void>;
  close(): Promise<void>;
}

export async function startCafe24Harness(
  sim: Omit<Cafe24SimulatorOptions, "app">,
  kind?: "sqlite" | "postgres",
): Promise<Cafe24Harness> {
  const simulator = await startCafe24Simulator({ app: CAFE24_APP, ...sim });
  const db = await createTestDb(kind);
  const module = (overrides: Partial<Cafe24ModuleOptions> = {}) =>
    createCafe24Module({
      db: db.db,
      app: CAFE24_APP,
      webhookApiKey: CAFE24_APP.webhookApiKey,
      baseUrlFor: simulator.baseUrlFor,
      now: () => simulator.clock.now(),
      ...overrides,
    });
  return {
    sim: simulator,
    db,
    module,
    async install(mallId, m = module()) {
      const state = `state-${mallId}`;
      const res = await fetch(m.oauth.authorizeUrl(mallId, state), { redirect: "manual" });
      const location = new URL(res.headers.get("location") ?? "");
      if (location.searchParams.get("state") !== state) throw new Error("state not returned");
      await m.tokens.install(mallId, location.searchParams.get("code") ?? "");
    },
    async close() {
      await simulator.close();
      await db.destroy();
    },
  };
}

export { addKstMonths as addKstMonthsForTest } from "../../../server/src/simulator-cafe24/kst.js";
