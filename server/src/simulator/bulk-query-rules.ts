// Static checks Shopify applies to a bulkOperationRunQuery query before accepting it.
import {
  Kind,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
  parse,
  validate,
  getNamedType,
  GraphQLObjectType,
  type GraphQLField,
} from "graphql";

export interface BulkQueryProblem {
  field: string[];
  message: string;
  code: string;
}

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_DEPTH = 2;

/** Returns the parsed document, or the problems a Shopify userError would report. */
export function checkBulkQuery(
  schema: GraphQLSchema,
  query: string,
): { problems: BulkQueryProblem[]; document?: ReturnType<typeof parse> } {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query);
  } catch (error) {
    return {
      problems: [{ field: ["query"], code: "INVALID", message: `Invalid bulk query: ${(error as Error).message}` }],
    };
  }
  const invalid = validate(schema, document);
  if (invalid.length)
    return {
      problems: invalid.map((e) => ({
        field: ["query"],
        code: "INVALID",
        message: `Invalid bulk query: ${e.message}`,
      })),
    };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== "query") {
    return {
      problems: [
        { field: ["query"], code: "INVALID", message: "Invalid bulk query: the query must be a query operation." },
      ],
    };
  }
  const problems: BulkQueryProblem[] = [];
  const stats = { connections: 0 };
  walk(schema.getQueryType()!, operation.selectionSet, 0, true, stats, problems);
  if (stats.connections === 0)
    problems.push({ field: ["query"], code: "INVALID", message: "Bulk queries must contain at least one connection." });
  if (stats.connections > MAX_BULK_CONNECTIONS)
    problems.push({
      field: ["query"],
      code: "INVALID",
      message: `Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`,
    });
  return { problems, document };
}

function walk(
  type: GraphQLObjectType,
  selection: SelectionSetNode,
  depth: number,
  root: boolean,
  stats: { connections: number },
  problems: BulkQueryProblem[],
): void {
  for (const node of selection.selections) {
    if (node.kind !== Kind.FIELD) continue;
    const field = type.getFields()[node.name.value];
    if (!field) continue;
    if (root && (node.name.value === "node" || node.name.value === "nodes")) {
      problems.push({
        field: ["query"],
        code: "INVALID",
        message: `Bulk queries cannot contain a top level \`${node.name.value}\` field.`,
      });
      continue;
    }
    checkField(field, node, depth, stats, problems);
  }
}

function checkField(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  depth: number,
  stats: { connections: number },
  problems: BulkQueryProblem[],
): void {
  const named = getNamedType(field.type);
  if (!(named instanceof GraphQLObjectType) || !node.selectionSet) return;
  const isConnection = named.name.endsWith("Connection");
  if (!isConnection) {
    walk(named, node.selectionSet, depth, false, stats, problems);
    return;
  }
  stats.connections++;
  if (depth + 1 > MAX_BULK_DEPTH)
    problems.push({
      field: ["query"],
      code: "INVALID",
      message: `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_DEPTH}.`,
    });
  const nodeType = getNamedType(named.getFields().nodes.type) as GraphQLObjectType;
  for (const inner of nodeSelections(node.selectionSet)) {
    if (
      hasConnection(nodeType, inner) &&
      !inner.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id")
    ) {
      problems.push({
        field: ["query"],
        code: "INVALID",
        message: `The parent '${nodeType.name}' field for a nested connection must select the 'id' field.`,
      });
    }
    walk(nodeType, inner, depth + 1, false, stats, problems);
  }
}

/** The selection sets that describe the connection's node: `nodes { … }` and `edges { node { … } }`. */
function nodeSelections(selection: SelectionSetNode): SelectionSetNode[] {
  const out: SelectionSetNode[] = [];
  for (const s of selection.selections) {
    if (s.kind !== Kind.FIELD || !s.selectionSet) continue;
    if (s.name.value === "nodes") out.push(s.selectionSet);
    if (s.name.value === "edges") {
      for (const e of s.selectionSet.selections)
        if (e.kind === Kind.FIELD && e.name.value === "node" && e.selectionSet) out.push(e.selectionSet);
    }
  }
  return out;
}

function hasConnection(type: GraphQLObjectType, selection: SelectionSetNode): boolean {
  return selection.selections.some((s) => {
    if (s.kind !== Kind.FIELD) return false;
    const f = type.getFields()[s.name.value];
    return Boolean(f && getNamedType(f.type).name.endsWith("Connection"));
  });
}
