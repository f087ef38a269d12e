// Shopify's calculated query cost: objects 1, scalars/enums 0, connections 2 + page size × node cost, mutations 10.
// `requested` uses the page sizes asked for; `actual` walks the response and counts what came back.
import {
  Kind,
  getNamedType,
  isCompositeType,
  isLeafType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  GraphQLObjectType,
  GraphQLInterfaceType,
} from "graphql";

export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

type Vars = Record<string, unknown>;
interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Vars;
}

export function findOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((op) => op.name?.value === operationName) : ops[0];
}

function context(schema: GraphQLSchema, document: DocumentNode, variables: Vars): Walk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return { schema, fragments, variables };
}

export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Vars,
): number {
  if (operation.operation === "mutation")
    return (
      MUTATION_COST *
      fieldsOf(context(schema, document, variables), operation.selectionSet, schema.getMutationType()!).length
    );
  return selectionCost(context(schema, document, variables), operation.selectionSet, schema.getQueryType()!, undefined);
}

export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Vars,
  data: unknown,
): number {
  if (operation.operation === "mutation") return requestedCost(schema, document, operation, variables);
  return selectionCost(
    context(schema, document, variables),
    operation.selectionSet,
    schema.getQueryType()!,
    data ?? null,
  );
}

/** `data` undefined = requested cost; otherwise the response object at this level (null = nothing returned). */
function selectionCost(w: Walk, selectionSet: SelectionSetNode, type: GraphQLCompositeType, data: unknown): number {
  let total = 0;
  for (const { node, field } of fieldsOf(w, selectionSet, type)) {
    const value =
      data === undefined ? undefined : (data as Record<string, unknown> | null)?.[node.alias?.value ?? node.name.value];
    if (data !== undefined && value === undefined) continue;
    total += fieldCost(w, node, field, value);
  }
  return total;
}

function fieldCost(w: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, value: unknown): number {
  const named = getNamedType(field.type);
  if (isLeafType(named) || !node.selectionSet || !isCompositeType(named)) return 0;
  if (named.name.endsWith("Connection") && named instanceof GraphQLObjectType)
    return connectionCost(w, node, named, value);
  if (value === undefined) return 1 + selectionCost(w, node.selectionSet, named, undefined);
  if (value === null) return 0;
  const items = Array.isArray(value) ? value : [value];
  return items.reduce<number>(
    (sum, item) => sum + (item === null ? 0 : 1 + selectionCost(w, node.selectionSet!, named, item)),
    0,
  );
}

function connectionCost(w: Walk, node: FieldNode, type: GraphQLObjectType, value: unknown): number {
  const nodeType = getNamedType(type.getFields().nodes.type) as GraphQLCompositeType;
  let perPage = 0;
  for (const inner of node.selectionSet!.selections) {
    if (inner.kind !== Kind.FIELD || !inner.selectionSet) continue;
    const key = inner.alias?.value ?? inner.name.value;
    const items =
      value === undefined
        ? undefined
        : (((value as Record<string, unknown> | null)?.[key] as unknown[] | undefined) ?? []);
    let cost = 0;
    if (inner.name.value === "nodes") cost = itemsCost(w, inner.selectionSet, nodeType, items, pageSize(w, node));
    if (inner.name.value === "edges") {
      for (const edgeField of inner.selectionSet.selections) {
        if (edgeField.kind !== Kind.FIELD || edgeField.name.value !== "node" || !edgeField.selectionSet) continue;
        const edgeNodes = items?.map((edge) => (edge as Record<string, unknown>)[edgeField.alias?.value ?? "node"]);
        cost = itemsCost(w, edgeField.selectionSet, nodeType, edgeNodes, pageSize(w, node));
      }
    }
    perPage = Math.max(perPage, cost);
  }
  return 2 + perPage;
}

function itemsCost(
  w: Walk,
  selection: SelectionSetNode,
  type: GraphQLCompositeType,
  items: unknown[] | undefined,
  size: number,
): number {
  if (items === undefined) return size * (1 + selectionCost(w, selection, type, undefined));
  return items.reduce<number>((sum, item) => sum + 1 + selectionCost(w, selection, type, item), 0);
}

function pageSize(w: Walk, node: FieldNode): number {
  for (const name of ["first", "last"]) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    const value = valueFromASTUntyped(arg.value, w.variables);
    if (typeof value === "number") return value;
  }
  return 1;
}

/** Flattens fragments; for abstract types every possible type's fields are counted (an upper bound). */
function fieldsOf(
  w: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
): Array<{ node: FieldNode; field: GraphQLField<unknown, unknown> }> {
  const out: Array<{ node: FieldNode; field: GraphQLField<unknown, unknown> }> = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const fields = type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType ? type.getFields() : {};
      const field = fields[selection.name.value];
      if (field) out.push({ node: selection, field });
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : w.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition
        ? (w.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType)
        : type;
      out.push(...fieldsOf(w, fragment.selectionSet, condition));
    }
  }
  return out;
}
