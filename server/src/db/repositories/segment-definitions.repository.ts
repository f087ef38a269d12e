import type { Kysely } from "kysely";
import type { Database, Db } from "../database.js";
import type { SegmentDefinitionsTables } from "../tables/segment-definitions.tables.js";

// The table is not part of Database (db/database.ts); this module sees it through this view.
const view = (db: Db) => db as unknown as Kysely<Database & SegmentDefinitionsTables>;

/** The set of definitions last ensured for the shop, or null when none has been. */
export async function findEnsuredDefinitions(db: Db, shop: string): Promise<string | null> {
  const row = await view(db)
    .selectFrom("segment_definitions_ensured")
    .select("definitions")
    .where("shop_domain", "=", shop)
    .executeTakeFirst();
  return row?.definitions ?? null;
}

export async function recordEnsuredDefinitions(db: Db, shop: string, definitions: string, at: Date): Promise<void> {
  const values = { shop_domain: shop, definitions, ensured_at: at.toISOString() };
  await view(db)
    .insertInto("segment_definitions_ensured")
    .values(values)
    .onConflict((oc) => oc.column("shop_domain").doUpdateSet({ definitions, ensured_at: values.ensured_at }))
    .execute();
}

/** An uninstall removes the app's definitions with the app: the next install makes them again. */
export async function deleteEnsuredDefinitions(db: Db, shop: string): Promise<void> {
  await view(db).deleteFrom("segment_definitions_ensured").where("shop_domain", "=", shop).execute();
}
