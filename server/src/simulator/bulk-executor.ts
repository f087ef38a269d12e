// A lean executor for bulk runs: the same schema, resolvers and scalar serializers as the endpoint, without
// graphql-js's per-field bookkeeping (which made a full-store export ~10x slower). Input is already validated.
import {
  Kind,
  getArgumentValues,
  GraphQLEnumType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

type Obj = Record<string, unknown>;

export function executeBulk(schema: GraphQLSchema, document: DocumentNode, ctx: unknown): Obj {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let selection: SelectionSetNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION && !selection) selection = d.selectionSet;
  }
  return run(schema, fragments, ctx, selection!, schema.getQueryType()!, {});
}

/** One selected field of an object type: resolved once per selection set and type, then reused for every object. */
interface FieldPlan {
  key: string;
  name: string;
  typename: boolean;
  field: GraphQLField<unknown, unknown> | undefined;
  args: Obj;
  node: FieldNode;
}

// A bulk export runs the same selection over hundreds of thousands of objects: collecting its fields (fragments,
// field lookup, argument values) once per selection set and type instead of once per object halves its CPU.
const plans = new WeakMap<SelectionSetNode, Map<GraphQLObjectType, FieldPlan[]>>();

function planFor(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  type: GraphQLObjectType,
): FieldPlan[] {
  let byType = plans.get(selectionSet);
  if (!byType) {
    byType = new Map();
    plans.set(selectionSet, byType);
  }
  let plan = byType.get(type);
  if (!plan) {
    plan = collect(schema, fragments, selectionSet, type).map((node) => {
      const name = node.name.value;
      const typename = name === "__typename";
      const field = typename ? undefined : type.getFields()[name];
      // Bulk queries take no variables, so a field's arguments are the same for every object.
      const args = field && node.arguments?.length ? getArgumentValues(field, node, {}) : {};
      return { key: node.alias?.value ?? name, name, typename, field, args, node };
    });
    byType.set(type, plan);
  }
  return plan;
}

function run(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  ctx: unknown,
  selectionSet: SelectionSetNode,
  type: GraphQLObjectType,
  parent: unknown,
): Obj {
  const out: Obj = {};
  for (const { key, name, typename, field, args, node } of planFor(schema, fragments, selectionSet, type)) {
    if (typename) {
      out[key] = type.name;
      continue;
    }
    if (!field) throw new Error(`Cannot query field "${name}" on type "${type.name}"`);
    const raw = field.resolve ? field.resolve(parent, args, ctx, undefined as never) : (parent as Obj)[name];
    out[key] = complete(schema, fragments, ctx, field.type, raw, node);
  }
  return out;
}

function complete(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  ctx: unknown,
  type: GraphQLOutputType,
  value: unknown,
  node: FieldNode,
): unknown {
  // Plain instanceof: graphql's is*() helpers do slow cross-realm checks outside NODE_ENV=production.
  if (type instanceof GraphQLNonNull) return complete(schema, fragments, ctx, type.ofType, value, node);
  if (value === null || value === undefined) return null;
  if (type instanceof GraphQLList)
    return (value as unknown[]).map((item) => complete(schema, fragments, ctx, type.ofType, item, node));
  if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) return type.serialize(value);
  const abstract = type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType;
  const concrete = abstract ? schema.getType(String((value as Obj).__typename)) : type;
  if (!(concrete instanceof GraphQLObjectType))
    throw new Error(`Cannot resolve the concrete type of ${type.toString()}`);
  return run(schema, fragments, ctx, node.selectionSet!, concrete, value);
}

function collect(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  type: GraphQLObjectType,
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else {
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments.get(s.name.value);
      const condition = fragment?.typeCondition?.name.value;
      if (
        fragment &&
        (!condition || condition === type.name || type.getInterfaces().some((i) => i.name === condition))
      ) {
        out.push(...collect(schema, fragments, fragment.selectionSet, type));
      }
    }
  }
  return out;
}
