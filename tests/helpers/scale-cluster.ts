// What the scale test and the scale benches share: a fresh PostgreSQL database of their own on the cluster, the
// environment an app instance (tests/scale/fixtures/app-instance.ts) needs to serve the simulator's shops on it,
// and the wait for every shop's install to end in predictions.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb, type DbHandle } from "../../server/src/db/create-db.js";
import { waitFor } from "./app-processes.js";

export const APP_INSTANCE = "tests/scale/fixtures/app-instance.ts";

export interface ScaleDatabase {
  handle: DbHandle;
  url: string;
  name: string;
  /** The first column of a count query, as a number. */
  count(query: string): Promise<number>;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

/** A new database named `<prefix>_<random>` on the cluster at `pgUrl`. */
export async function createScaleDatabase(pgUrl: string, prefix: string): Promise<ScaleDatabase> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const onCluster = async (statement: string) => {
    const admin = createDb({ kind: "postgres", url: pgUrl });
    await sql.raw(statement).execute(admin.db);
    await admin.db.destroy();
  };
  await onCluster(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ kind: "postgres", url: url.href });
  return {
    handle,
    url: url.href,
    name,
    count: async (query) => Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(handle.db)).rows[0].n),
    drop: async () => {
      await handle.db.destroy();
      await onCluster(`drop database if exists ${name} with (force)`);
    },
  };
}

/** An app instance's environment: the app's credentials, the database, the shops and the simulator serving them. */
export function instanceEnv(
  app: { apiKey: string; apiSecret: string },
  databaseUrl: string,
  shops: string[],
  simulatorUrl: string,
): Record<string, string> {
  return {
    SHOPIFY_API_KEY: app.apiKey,
    SHOPIFY_API_SECRET: app.apiSecret,
    SHOPIFY_APP_URL: "https://dangol.example.com",
    DATABASE_URL: databaseUrl,
    TEST_SHOPS: shops.join(","),
    TEST_SIMULATOR_URL: simulatorUrl,
  };
}

/** Waits until every shop is live and has predictions (the install's backfill and first fit are done). */
export function everyShopPredicted(db: ScaleDatabase, shops: number, timeoutMs = 600_000): Promise<unknown> {
  return waitFor(
    "every shop live and predicted",
    async () =>
      (await db.count("select count(*) as n from sync_state where phase = 'live'")) === shops &&
      (await db.count("select count(distinct shop_domain) as n from customer_predictions")) === shops
        ? true
        : undefined,
    timeoutMs,
    500,
  );
}
