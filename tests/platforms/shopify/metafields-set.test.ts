// metafieldsSet is atomic: the adapter drops the inputs Shopify refuses and sends the rest again.
import { describe, expect, it } from "vitest";
import { setCustomerMetafields } from "../../../server/src/platforms/shopify/metafields-set.js";
import type { GraphqlCaller } from "../../../server/src/platforms/shopify/throttled-graphql.js";
import { PlatformError } from "../../../server/src/domain/shared/errors.js";

type Input = { ownerId: string; key: string };
type UserError = { field?: string[] | null; code?: string | null; message: string; elementIndex?: number | null };

/** A Shopify stand-in: refuses every input `refuse` returns an error for, writes all only when none is refused. */
function shopify(refuse: (input: Input, index: number) => UserError | null) {
  const calls: Input[][] = [];
  const written: Input[] = [];
  const graphql: GraphqlCaller = {
    async request<T>(_shop: string, _query: string, variables?: Record<string, unknown>): Promise<T> {
      const inputs = variables!.metafields as Input[];
      calls.push(inputs);
      const userErrors = inputs.map((input, i) => refuse(input, i)).filter((e): e is UserError => e !== null);
      if (userErrors.length === 0) written.push(...inputs);
      return { metafieldsSet: { metafields: userErrors.length ? [] : inputs, userErrors } } as T;
    },
  };
  return { graphql, calls, written };
}

const fields = (ids: string[]) =>
  ids.map((customerId, i) => ({
    customerId,
    namespace: "$app:dangol",
    key: `k${i}`,
    type: "json" as const,
    value: "{}",
  }));
const ownerGone = (index: number): UserError => ({
  field: ["metafields", String(index), "ownerId"],
  code: "INVALID",
  message: "Owner does not exist.",
  elementIndex: index,
});

describe("setCustomerMetafields (Shopify adapter)", () => {
  it("reports an unknown owner and writes the rest of its batch and every other batch", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(1000 + i));
    const s = shopify((input, i) => (input.ownerId.endsWith("/1030") ? ownerGone(i) : null));
    const result = await setCustomerMetafields(s.graphql, "s.myshopify.com", fields(ids));
    expect(result.rejected).toEqual([
      { customerId: "1030", reason: "unknown_customer", message: "Owner does not exist." },
    ]);
    expect(s.written.map((m) => m.ownerId.split("/").pop()).sort()).toEqual(ids.filter((id) => id !== "1030"));
    expect(s.calls.map((c) => c.length)).toEqual([25, 25, 24, 10]);
  });

  it("tells a refused value from a refused owner, and finds the input by elementIndex when the path has none", async () => {
    const s = shopify((input, i) =>
      input.ownerId.endsWith("/2")
        ? { field: null, code: "INVALID_VALUE", message: "Value is invalid JSON.", elementIndex: i }
        : null,
    );
    const result = await setCustomerMetafields(s.graphql, "s.myshopify.com", fields(["1", "2", "3"]));
    expect(result.rejected).toEqual([{ customerId: "2", reason: "invalid", message: "Value is invalid JSON." }]);
    expect(s.written).toHaveLength(2);
  });

  it("fails the call, writing nothing more, when an error names no input", async () => {
    const s = shopify(() => ({ field: ["metafields"], code: "LESS_THAN_OR_EQUAL_TO", message: "Too many." }));
    const failure = setCustomerMetafields(s.graphql, "s.myshopify.com", fields(["1", "2"]));
    await expect(failure).rejects.toBeInstanceOf(PlatformError);
    await expect(failure).rejects.toMatchObject({ retriable: false });
    expect(s.calls).toHaveLength(1);
  });

  it("lets a retriable failure (throttled, 5xx) through for the caller to retry the whole call", async () => {
    const graphql: GraphqlCaller = {
      request: async () => {
        throw new PlatformError("throttled by Shopify", true);
      },
    };
    await expect(setCustomerMetafields(graphql, "s.myshopify.com", fields(["1"]))).rejects.toMatchObject({
      retriable: true,
    });
  });
});
