import type { StoreModel } from "../../domain/timing/store-model.js";
import type { Db } from "../database.js";
import { listProductCycles } from "./product-cycle.repository.js";

type ModelJson = Omit<StoreModel, "fittedAt" | "productCycles">;

/** Upserts the shop's current store model (product cycles are stored separately). */
export async function saveModelFit(db: Db, shop: string, model: StoreModel): Promise<void> {
  const { fittedAt, productCycles: _cycles, ...rest } = model;
  const row = {
    shop_domain: shop,
    fitted_at: fittedAt.toISOString(),
    customers: model.customers,
    model: JSON.stringify(rest satisfies ModelJson),
  };
  await db
    .insertInto("model_fits")
    .values(row)
    .onConflict((oc) =>
      oc.column("shop_domain").doUpdateSet({ fitted_at: row.fitted_at, customers: row.customers, model: row.model }),
    )
    .execute();
}

/** The stored store model with its product cycles, or null before the first full recompute. */
export async function loadStoreModel(db: Db, shop: string): Promise<StoreModel | null> {
  const row = await db.selectFrom("model_fits").selectAll().where("shop_domain", "=", shop).executeTakeFirst();
  if (!row) return null;
  const rest = JSON.parse(row.model) as ModelJson;
  return { ...rest, fittedAt: new Date(row.fitted_at), productCycles: await listProductCycles(db, shop) };
}
