// Builds the executable schema: SDL + resolver maps + Shopify's scalar formats.
import {
  buildSchema,
  extendSchema,
  parse,
  GraphQLError,
  GraphQLObjectType,
  type GraphQLScalarType,
  Kind,
  type GraphQLSchema,
} from "graphql";
import { ADMIN_SCHEMA_SDL } from "../schema.graphql.js";
import { isoSeconds } from "../ids.js";
import type { ResolverMap } from "./context.js";
import { orderResolvers } from "./orders.js";
import { metafieldResolvers } from "./metafields.js";
import { discountResolvers } from "./discounts.js";
import { bulkResolvers } from "./bulk.js";
import { nodeResolvers } from "./nodes.js";
import { webPixelResolvers } from "./web-pixels.js";
import { FLOW_TRIGGER_SDL, flowTriggerResolvers } from "./flow-triggers.js";
import { metafieldDefinitionResolvers } from "./metafield-definitions.js";
import { segmentMemberResolvers } from "./segment-members.js";

export function buildAdminSchema(): GraphQLSchema {
  const schema = extendSchema(buildSchema(ADMIN_SCHEMA_SDL), parse(FLOW_TRIGGER_SDL));
  for (const map of [
    orderResolvers,
    metafieldResolvers,
    discountResolvers,
    bulkResolvers,
    nodeResolvers,
    webPixelResolvers,
    flowTriggerResolvers,
    metafieldDefinitionResolvers,
    segmentMemberResolvers,
  ])
    attach(schema, map);
  configureScalars(schema);
  return schema;
}

function attach(schema: GraphQLSchema, map: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`Resolver for unknown type ${typeName}`);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`Resolver for unknown field ${typeName}.${fieldName}`);
      field.resolve = (parent, args, ctx) => resolve(parent, args, ctx);
    }
  }
}

function configureScalars(schema: GraphQLSchema): void {
  const dateTime = schema.getType("DateTime") as GraphQLScalarType;
  dateTime.serialize = (value: unknown) => (typeof value === "number" ? isoSeconds(value) : value);
  const parseDate = (value: unknown) => {
    if (typeof value !== "string" || !Number.isFinite(Date.parse(value)))
      throw new GraphQLError(`Invalid DateTime: ${JSON.stringify(value)}`);
    return value;
  };
  dateTime.parseValue = parseDate;
  dateTime.parseLiteral = (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined);
  for (const name of ["UnsignedInt64", "Decimal"]) {
    (schema.getType(name) as GraphQLScalarType).serialize = (value: unknown) =>
      value === null || value === undefined ? value : String(value);
  }
}
