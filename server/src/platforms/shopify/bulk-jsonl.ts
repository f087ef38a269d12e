// Reads a bulk operation's JSONL result. Line items arrive as their own lines carrying __parentId (the
// order's GID); we index by id instead of trusting that children follow their parent.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Order } from "../../domain/orders/order.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { orderFromGraphql, type GqlLineItem, type GqlOrder } from "./mappers.js";

type BulkLine = (GqlOrder | GqlLineItem) & { __parentId?: string; id?: string };

export async function* readBulkOrders(url: string, fetchFn: typeof fetch): AsyncGenerator<Order> {
  const response = await fetchFn(url).catch((err: unknown) => {
    throw new PlatformError(`Bulk result download failed: ${String(err)}`, true);
  });
  if (!response.ok || !response.body)
    throw new PlatformError(`Bulk result download failed: HTTP ${response.status}`, response.status >= 500);
  const orders = new Map<string, GqlOrder>();
  const children = new Map<string, GqlLineItem[]>();
  const lines = createInterface({ input: Readable.fromWeb(response.body as WebReadableStream), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.trim()) continue;
    const obj = JSON.parse(text) as BulkLine;
    if (obj.__parentId) {
      const list = children.get(obj.__parentId);
      if (list) list.push(obj as GqlLineItem);
      else children.set(obj.__parentId, [obj as GqlLineItem]);
    } else if (obj.id?.includes("/Order/")) {
      orders.set(obj.id, obj as GqlOrder);
    }
  }
  for (const [id, order] of orders) yield orderFromGraphql(order, children.get(id) ?? []);
}
