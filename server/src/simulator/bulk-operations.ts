// Asynchronous bulk query runner: executes the embedded query over the whole store and writes JSONL with __parentId.
import { randomBytes } from "node:crypto";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { writeBulk } from "./bulk-executor.js";
import { checkBulkQuery, type BulkQueryProblem } from "./bulk-query-rules.js";
import type { ShopStore } from "./store.js";
import type { GraphqlContext } from "./resolvers/context.js";

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELING" | "CANCELED" | "EXPIRED";
export type BulkErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";

export interface BulkOperationRecord {
  id: number;
  type: "QUERY";
  status: BulkStatus;
  errorCode: BulkErrorCode | null;
  query: string;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
}

export const MAX_CONCURRENT_BULK_QUERIES = 5;
const BULK_CHUNK = 500;

export class BulkRunner {
  /** JSONL files by download token. */
  readonly files = new Map<string, Buffer[]>();
  private readonly failures = new Map<string, BulkErrorCode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly baseUrl: () => string,
    private readonly delayMs: number,
    private readonly onFinish: (store: ShopStore, operation: BulkOperationRecord) => void,
  ) {}

  failNext(shop: string, code: BulkErrorCode | null): void {
    if (code) this.failures.set(shop, code);
    else this.failures.delete(shop);
  }

  start(
    ctx: GraphqlContext,
    query: string,
  ): { bulkOperation: BulkOperationRecord | null; userErrors: BulkQueryProblem[] } {
    const { problems, document } = checkBulkQuery(this.schema, query);
    if (problems.length || !document) return { bulkOperation: null, userErrors: problems };
    const running = [...ctx.store.bulkOperations.values()].filter(
      (op) => op.status === "CREATED" || op.status === "RUNNING",
    );
    if (running.length >= MAX_CONCURRENT_BULK_QUERIES) {
      return {
        bulkOperation: null,
        userErrors: [
          {
            field: ["query"],
            code: "OPERATION_IN_PROGRESS",
            message: `A maximum of ${MAX_CONCURRENT_BULK_QUERIES} bulk queries can run at the same time for this app and shop.`,
          },
        ],
      };
    }
    const operation: BulkOperationRecord = {
      id: ctx.store.nextId("bulk"),
      type: "QUERY",
      status: "CREATED",
      errorCode: null,
      query,
      createdAt: ctx.clock.now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
    };
    ctx.store.bulkOperations.set(operation.id, operation);
    setTimeout(
      () => void this.run({ ...ctx, bulk: true, searchWarnings: [] }, operation, document),
      this.delayMs / 2,
    ).unref();
    return { bulkOperation: operation, userErrors: [] };
  }

  cancel(operation: BulkOperationRecord, now: number): void {
    if (operation.status !== "CREATED" && operation.status !== "RUNNING") return;
    operation.status = "CANCELED";
    operation.completedAt = now;
  }

  private async run(ctx: GraphqlContext, operation: BulkOperationRecord, document: DocumentNode): Promise<void> {
    if (operation.status !== "CREATED") return;
    operation.status = "RUNNING";
    await new Promise((resolve) => setTimeout(resolve, this.delayMs / 2).unref());
    if (operation.status !== "RUNNING") return;
    const failure = this.failures.get(ctx.store.domain);
    if (failure) return this.finish(ctx, operation, "FAILED", failure);
    const file = new JsonlFile();
    let objects = 0;
    let roots = 0;
    const line = (json: string) => {
      file.append(json);
      objects++;
    };
    // Runs the query over windows of the top-level connection, yielding between them so the server stays responsive.
    for (let start = 0; ; start += BULK_CHUNK) {
      let chunkRoots: number;
      try {
        chunkRoots = writeBulk(this.schema, document, { ...ctx, bulkWindow: { start, size: BULK_CHUNK } }, line);
      } catch {
        return this.finish(ctx, operation, "FAILED", "INTERNAL_SERVER_ERROR");
      }
      roots += chunkRoots;
      if (chunkRoots < BULK_CHUNK) break;
      await new Promise((resolve) => setImmediate(resolve));
      if (operation.status !== "RUNNING") return;
    }
    operation.objectCount = objects;
    operation.rootObjectCount = roots;
    if (objects) {
      const token = randomBytes(16).toString("hex");
      const chunks = file.close();
      this.files.set(token, chunks);
      operation.fileSize = chunks.reduce((n, c) => n + c.length, 0);
      operation.url = `${this.baseUrl()}/bulk-results/${token}.jsonl`;
    } else operation.fileSize = 0;
    this.finish(ctx, operation, "COMPLETED", null);
  }

  private finish(
    ctx: GraphqlContext,
    operation: BulkOperationRecord,
    status: BulkStatus,
    errorCode: BulkErrorCode | null,
  ): void {
    operation.status = status;
    operation.errorCode = errorCode;
    operation.completedAt = ctx.clock.now();
    this.onFinish(ctx.store, operation);
  }
}

const FILE_BLOCK_BYTES = 4 << 20;
/** Lines are encoded a few dozen at a time: one Buffer write per line cost a microsecond or two each, 550,029 times. */
const PENDING_CHARS = 64 << 10;

/**
 * The result file, written into 4 MB Buffers outside the JS heap. Joining a window's lines into one string and
 * encoding that (as before) allocated two multi-megabyte strings per 500 orders, each one freed only by a full
 * collection that marks the whole store (the demo's export is 154 MB): a third of the export's CPU. A 64 KB
 * batch of lines dies young instead.
 */
class JsonlFile {
  private readonly blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(FILE_BLOCK_BYTES);
  private used = 0;
  private pending = "";

  append(line: string): void {
    this.pending += `${line}\n`;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  close(): Buffer[] {
    this.flush();
    this.seal();
    return this.blocks;
  }

  private flush(): void {
    const text = this.pending;
    this.pending = "";
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const most = text.length * 3;
    if (this.used + most > this.block.length) {
      this.seal();
      this.block = Buffer.allocUnsafe(Math.max(FILE_BLOCK_BYTES, most));
    }
    this.used += this.block.write(text, this.used);
  }

  private seal(): void {
    if (this.used) this.blocks.push(this.block.subarray(0, this.used));
    this.used = 0;
  }
}
