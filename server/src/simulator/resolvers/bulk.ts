// bulkOperationRunQuery / bulkOperationCancel and the polling queries.
import { gid, parseGid } from "../ids.js";
import type { BulkOperationRecord } from "../bulk-operations.js";
import type { ResolverMap } from "./context.js";

export const bulkResolvers: ResolverMap = {
  Mutation: {
    bulkOperationRunQuery: (_p, args: { query: string }, ctx) => ctx.bulkRunner.start(ctx, args.query),
    bulkOperationCancel: (_p, args: { id: string }, ctx) => {
      const operation = ctx.store.bulkOperations.get(parseGid(args.id, "BulkOperation") ?? -1);
      if (!operation)
        return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
      ctx.bulkRunner.cancel(operation, ctx.clock.now());
      return { bulkOperation: operation, userErrors: [] };
    },
  },
  QueryRoot: {
    bulkOperation: (_p, args: { id: string }, ctx) =>
      ctx.store.bulkOperations.get(parseGid(args.id, "BulkOperation") ?? -1) ?? null,
    currentBulkOperation: (_p, _args, ctx) => {
      const all = [...ctx.store.bulkOperations.values()];
      return all.length ? all.reduce((a, b) => (b.id > a.id ? b : a)) : null;
    },
  },
  BulkOperation: {
    id: (op: BulkOperationRecord) => gid("BulkOperation", op.id),
    objectCount: (op: BulkOperationRecord) => String(op.objectCount),
    rootObjectCount: (op: BulkOperationRecord) => String(op.rootObjectCount),
    fileSize: (op: BulkOperationRecord) => (op.fileSize === null ? null : String(op.fileSize)),
  },
};
