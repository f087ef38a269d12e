// POST /admin/api/:version/graphql.json: parse, validate, price, throttle, execute, report cost like Shopify.
import { execute, type GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { actualCost, findOperation, MAX_QUERY_COST, requestedCost } from "./cost.js";
import type { CostBucket } from "./throttle.js";
import type { GraphqlContext } from "./resolvers/context.js";

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const COST_DOCS = "https://shopify.dev/api/usage/rate-limits";

/** Returns the JSON body to send with HTTP 200 (GraphQL-level failures are 200 on Shopify too). */
export async function runGraphql(
  schema: GraphQLSchema,
  body: GraphqlRequestBody,
  ctx: GraphqlContext,
  bucket: CostBucket,
): Promise<Record<string, unknown>> {
  if (typeof body.query !== "string" || !body.query.trim())
    return { errors: [{ message: "Parameter 'query' is required", extensions: { code: "BAD_REQUEST" } }] };
  const variables =
    body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : {};
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { errors: [(error as GraphQLError).toJSON()] };
  }
  const invalid = validate(schema, document);
  if (invalid.length) return { errors: invalid.map((e) => e.toJSON()) };
  const operation = findOperation(document, operationName);
  if (!operation) return { errors: [{ message: `No operation named "${operationName}"` }] };
  const requested = requestedCost(schema, document, operation, variables);
  if (requested > MAX_QUERY_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee ${COST_DOCS} for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST },
        },
      ],
    };
  }
  if (!bucket.take(requested)) {
    return {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: COST_DOCS } }],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
    };
  }
  const result = await execute({ schema, document, variableValues: variables, operationName, contextValue: ctx });
  const actual = Math.min(requested, actualCost(schema, document, operation, variables, result.data));
  bucket.refund(requested - actual);
  const extensions: Record<string, unknown> = {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  };
  if (ctx.searchWarnings.length) extensions.search = ctx.searchWarnings;
  return {
    ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
    data: result.data ?? null,
    extensions,
  };
}
