// Makes sure a shop whose platform filters segments on app metafields (Shopify) has the segment fields' customer
// metafield definitions, also when it was installed before they were defined at install. Asked once per shop and
// set of definitions: the answer is remembered (segment_definitions_ensured), so a later pass asks nothing.
// A definition that exists already counts as made (the platform's definer treats TAKEN so).
import type { Db } from "../db/database.js";
import {
  deleteEnsuredDefinitions,
  findEnsuredDefinitions,
  recordEnsuredDefinitions,
} from "../db/repositories/segment-definitions.repository.js";
import { SEGMENT_FIELD_DEFINITIONS } from "../domain/segments/segment-metafields.js";
import type { PlatformLookup } from "../platforms/registry.js";
import type { DataEraser } from "./privacy.service.js";

/** The set as remembered: a key or type added later makes every shop's row stale, so it is ensured again. */
export const SEGMENT_DEFINITIONS_SET = SEGMENT_FIELD_DEFINITIONS.map((d) => `${d.key}:${d.type}`).join(",");

export type EnsureOutcome = "defined" | "already" | "not-applicable";

export function createSegmentDefinitionsService(deps: {
  db: Db;
  platforms: PlatformLookup;
  /** Creates the definitions on the shop's platform; existing ones are kept, anything else throws. */
  define(shop: string): Promise<unknown>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async ensure(shop: string): Promise<EnsureOutcome> {
      if ((await findEnsuredDefinitions(deps.db, shop)) === SEGMENT_DEFINITIONS_SET) return "already";
      if (!(await deps.platforms.for(shop)).capabilities.customerSegmentMetafields) return "not-applicable";
      await deps.define(shop);
      await recordEnsuredDefinitions(deps.db, shop, SEGMENT_DEFINITIONS_SET, now());
      return "defined";
    },
  };
}

export type SegmentDefinitionsService = ReturnType<typeof createSegmentDefinitionsService>;

export const segmentDefinitionsEraser: DataEraser = {
  eraseShop: (db, shop) => deleteEnsuredDefinitions(db, shop),
  eraseCustomer: async () => undefined,
};
