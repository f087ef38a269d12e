// The order and line fields we ask Shopify for are exactly the ones the mappers read: every field asked for is
// built, sent and parsed once per order or line item (half a million line items in the demo's bulk export).
import { Kind, type SelectionSetNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { LINE_FIELDS, ORDER_FIELDS } from "../../../server/src/platforms/shopify/graphql/orders.js";
import {
  type GqlLineItem,
  type GqlOrder,
  lineFromGraphql,
  orderWithLines,
} from "../../../server/src/platforms/shopify/mappers.js";

type Sample = Record<string, unknown>;

/** A value for each selected field (processedAt null, so the createdAt fallback is read too), and its paths. */
function sampleOf(selection: SelectionSetNode, prefix: string, paths: Set<string>): Sample {
  const out: Sample = {};
  for (const node of selection.selections) {
    if (node.kind !== Kind.FIELD) continue;
    const name = node.name.value;
    paths.add(`${prefix}${name}`);
    if (node.selectionSet) out[name] = sampleOf(node.selectionSet, `${prefix}${name}.`, paths);
    else out[name] = leafValue(name);
  }
  return out;
}

function leafValue(name: string): unknown {
  if (name === "id") return "gid://shopify/Thing/1";
  if (name === "processedAt") return null;
  if (name.endsWith("At")) return "2026-01-01T00:00:00Z";
  if (name === "test") return false;
  if (name === "quantity") return 1;
  if (name === "discountCodes") return [];
  return name === "amount" ? "1.00" : "KRW";
}

/** The object, with every property path read from it recorded. */
function recording(target: Sample, prefix: string, read: Set<string>): Sample {
  return new Proxy(target, {
    get(object, key) {
      if (typeof key !== "string") return Reflect.get(object, key);
      read.add(`${prefix}${key}`);
      const value = object[key];
      const nested = value && typeof value === "object" && !Array.isArray(value);
      return nested ? recording(value as Sample, `${prefix}${key}.`, read) : value;
    },
  });
}

const selectionOf = (fields: string) => {
  const op = parse(`{ ${fields} }`).definitions[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) throw new Error("not a query");
  return op.selectionSet;
};

describe("the order fields asked of Shopify", () => {
  it("are exactly the fields the order and line mappers read", () => {
    const asked = { order: new Set<string>(), line: new Set<string>() };
    const read = { order: new Set<string>(), line: new Set<string>() };
    const line = recording(sampleOf(selectionOf(LINE_FIELDS), "", asked.line), "", read.line);
    const order = recording(sampleOf(selectionOf(ORDER_FIELDS), "", asked.order), "", read.order);
    const mapped = orderWithLines(order as unknown as GqlOrder, lineFromGraphql(line as unknown as GqlLineItem));
    expect(mapped.lines).toHaveLength(1);
    expect([...read.line].sort()).toEqual([...asked.line].sort());
    expect([...read.order].sort()).toEqual([...asked.order].sort());
  });
});
