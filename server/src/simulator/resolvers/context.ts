// Per-request GraphQL context: the shop's store plus the services resolvers need.
import type { ShopStore } from "../store.js";
import type { SimClock } from "../clock.js";
import type { BulkRunner } from "../bulk-operations.js";
import type { WebPixelFields } from "../web-pixel-settings.js";

export interface GraphqlContext {
  store: ShopStore;
  appId: string;
  /** The access scopes granted to the app (the token's `scope`): mutations needing others are ACCESS_DENIED. */
  scopes: ReadonlySet<string>;
  /** The app's web pixel extension's declared settings fields (webPixelCreate/Update validate against them). */
  webPixelFields: WebPixelFields;
  clock: SimClock;
  /** True while a bulk operation runs its embedded query: `first` is ignored, connections return everything. */
  bulk: boolean;
  /** During a bulk run: which slice of the top-level connection this chunk executes (keeps the event loop free). */
  bulkWindow?: { start: number; size: number };
  bulkRunner: BulkRunner;
  searchWarnings: Array<{ path: string[]; query: string; warnings: Array<{ field: string; message: string }> }>;
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL hands each resolver its parent and args untyped
export type Resolver<P = any, A = any> = (parent: P, args: A, ctx: GraphqlContext) => unknown;
export type ResolverMap = Record<string, Record<string, Resolver>>;
