// A lean executor for bulk runs: the same schema, resolvers and scalar serializers as the endpoint, without
// graphql-js's per-field bookkeeping (which made a full-store export ~10x slower). Input is already validated.
// It writes each JSONL line's text as it resolves the fields, instead of building the result objects and
// serializing them: the demo's export (550,029 lines) built some five million short-lived objects per run, and
// their garbage collection was a third of the export's CPU.
import {
  Kind,
  getArgumentValues,
  getNamedType,
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

/**
 * Runs the bulk query's top-level connections over the context's window and hands `line` one JSON text per
 * object, without its newline: each node of a top-level connection, then the nodes of its own connections with
 * `__parentId` (the parent's id) as their last key, right after it. A connection is a field whose type is named
 * *Connection (Shopify's rule, as in bulk-query-rules.ts) selecting `nodes` or `edges { node }`; one nested inside
 * a plain object stays in that object's line. Returns how many top-level nodes were written.
 */
export function writeBulk(
  schema: GraphQLSchema,
  document: DocumentNode,
  ctx: unknown,
  line: (json: string) => void,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let selection: SelectionSetNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION && !selection) selection = d.selectionSet;
  }
  const writer = new LineWriter(schema, fragments, ctx, line);
  let roots = 0;
  for (const plan of writer.planFor(selection!, schema.getQueryType()!)) {
    if (!plan.connection) continue; // a plain top-level field has no line of its own
    const connection = writer.resolve(plan, {});
    if (connection === null || connection === undefined) continue;
    for (const node of writer.connectionNodes(plan.connection, connection)) {
      roots++;
      writer.writeLine(plan.connection, node, null);
    }
  }
  return roots;
}

/** How a connection field's nodes are reached: through `nodes`, else through `edges { node }`. */
interface ConnectionPlan {
  /** The connection's own `nodes` or `edges` field. */
  list: FieldPlan;
  /** `edges`' `node` field; none when the nodes come from `nodes`. */
  edgeNode: FieldPlan | null;
  /** The selection made on each node. */
  selectionSet: SelectionSetNode;
  /** The nodes' named type (an interface or union is resolved per node). */
  nodeType: GraphQLOutputType;
}

/** One selected field of an object type: resolved once per selection set and type, then reused for every object. */
interface FieldPlan {
  key: string;
  /** `"key":`, written before the value. */
  keyJson: string;
  name: string;
  typename: boolean;
  field: GraphQLField<unknown, unknown> | undefined;
  args: Obj;
  node: FieldNode;
  /** Set when the field is a connection with nodes selected: on a line's own object it becomes child lines. */
  connection: ConnectionPlan | null;
}

// A bulk export runs the same selection over hundreds of thousands of objects: collecting its fields (fragments,
// field lookup, argument values) once per selection set and type instead of once per object halves its CPU.
const plans = new WeakMap<SelectionSetNode, Map<GraphQLObjectType, FieldPlan[]>>();

class LineWriter {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly ctx: unknown,
    private readonly line: (json: string) => void,
  ) {}

  planFor(selectionSet: SelectionSetNode, type: GraphQLObjectType): FieldPlan[] {
    let byType = plans.get(selectionSet);
    if (!byType) {
      byType = new Map();
      plans.set(selectionSet, byType);
    }
    let plan = byType.get(type);
    if (!plan) {
      plan = this.plansOf(selectionSet, type);
      byType.set(type, plan);
    }
    return plan;
  }

  private plansOf(selectionSet: SelectionSetNode, type: GraphQLObjectType): FieldPlan[] {
    // A response key selected twice keeps its first place and its last selection (as assigning it twice would).
    const byKey = new Map<string, FieldPlan>();
    for (const node of collect(this.schema, this.fragments, selectionSet, type)) {
      const name = node.name.value;
      const key = node.alias?.value ?? name;
      const typename = name === "__typename";
      const field = typename ? undefined : type.getFields()[name];
      // Bulk queries take no variables, so a field's arguments are the same for every object.
      const args = field && node.arguments?.length ? getArgumentValues(field, node, {}) : {};
      const plan: FieldPlan = {
        key,
        keyJson: `${JSON.stringify(key)}:`,
        name,
        typename,
        field,
        args,
        node,
        connection: null,
      };
      plan.connection = field ? this.connectionOf(field, node) : null;
      byKey.set(key, plan);
    }
    return [...byKey.values()];
  }

  private connectionOf(field: GraphQLField<unknown, unknown>, node: FieldNode): ConnectionPlan | null {
    const type = getNamedType(field.type);
    if (!(type instanceof GraphQLObjectType) || !type.name.endsWith("Connection") || !node.selectionSet) return null;
    const fields = this.planFor(node.selectionSet, type);
    const nodes = fields.find((f) => f.name === "nodes" && f.node.selectionSet);
    if (nodes)
      return {
        list: nodes,
        edgeNode: null,
        selectionSet: nodes.node.selectionSet!,
        nodeType: getNamedType(nodes.field!.type),
      };
    const edges = fields.find((f) => f.name === "edges" && f.node.selectionSet);
    const edgeType = edges && getNamedType(edges.field!.type);
    if (!edges || !(edgeType instanceof GraphQLObjectType)) return null;
    const edgeNode = this.planFor(edges.node.selectionSet!, edgeType).find(
      (f) => f.name === "node" && f.node.selectionSet,
    );
    if (!edgeNode) return null;
    return {
      list: edges,
      edgeNode,
      selectionSet: edgeNode.node.selectionSet!,
      nodeType: getNamedType(edgeNode.field!.type),
    };
  }

  resolve(plan: FieldPlan, parent: unknown): unknown {
    const { field } = plan;
    if (!field) throw new Error(`Cannot query field "${plan.name}"`);
    return field.resolve ? field.resolve(parent, plan.args, this.ctx, undefined as never) : (parent as Obj)[plan.name];
  }

  /** A connection's raw nodes, in order (an edge without a node, or a null list, gives none). */
  connectionNodes(plan: ConnectionPlan, connection: unknown): unknown[] {
    const list = this.resolve(plan.list, connection) as unknown[] | null | undefined;
    if (!list) return [];
    if (!plan.edgeNode) return list;
    const out: unknown[] = [];
    for (const edge of list) if (edge !== null && edge !== undefined) out.push(this.resolve(plan.edgeNode, edge));
    return out;
  }

  /**
   * One object's line, then its connections' nodes as lines of their own pointing at it. `parentTail` closes a
   * child's line: `,"__parentId":"…"}`, the same text as serializing a copy with the key added last.
   */
  writeLine(plan: ConnectionPlan, raw: unknown, parentTail: string | null): void {
    if (raw === null || raw === undefined) {
      this.line(parentTail === null ? "null" : `nul${parentTail}`); // as the object path always wrote it
      return;
    }
    const type = this.concreteType(plan.nodeType, raw);
    let json = "{";
    let idJson: string | undefined;
    let nested: Array<[ConnectionPlan, unknown]> | null = null;
    for (const f of this.planFor(plan.selectionSet, type)) {
      if (f.typename) {
        json += `${json.length > 1 ? "," : ""}${f.keyJson}${JSON.stringify(type.name)}`;
        continue;
      }
      const value = this.resolve(f, raw);
      if (f.connection && value !== null && value !== undefined) {
        nested ??= [];
        nested.push([f.connection, value]);
        continue;
      }
      const text = this.write(f.field!.type, value, f.node);
      if (text === undefined) continue;
      if (f.key === "id") idJson = text;
      json += `${json.length > 1 ? "," : ""}${f.keyJson}${text}`;
    }
    if (parentTail === null) json += "}";
    else json += json.length > 1 ? parentTail : parentTail.slice(1);
    this.line(json);
    if (!nested) return;
    // As String(completed.id): "undefined" when the query selects no id (bulk-query-rules.ts refuses that).
    const id = String(idJson === undefined ? undefined : JSON.parse(idJson));
    const tail = `,"__parentId":${JSON.stringify(id)}}`;
    for (const [connection, value] of nested)
      for (const child of this.connectionNodes(connection, value)) this.writeLine(connection, child, tail);
  }

  /** A value's JSON text as JSON.stringify would write the completed value; undefined when it would leave it out. */
  private write(type: GraphQLOutputType, value: unknown, node: FieldNode): string | undefined {
    // Plain instanceof: graphql's is*() helpers do slow cross-realm checks outside NODE_ENV=production.
    if (type instanceof GraphQLNonNull) return this.write(type.ofType, value, node);
    if (value === null || value === undefined) return "null";
    if (type instanceof GraphQLList) {
      let json = "[";
      for (const item of value as unknown[]) {
        if (json.length > 1) json += ",";
        json += this.write(type.ofType, item, node) ?? "null";
      }
      return `${json}]`;
    }
    if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType)
      return JSON.stringify(type.serialize(value));
    const concrete = this.concreteType(type, value);
    let json = "{";
    for (const f of this.planFor(node.selectionSet!, concrete)) {
      const text = f.typename
        ? JSON.stringify(concrete.name)
        : this.write(f.field!.type, this.resolve(f, value), f.node);
      if (text === undefined) continue;
      json += `${json.length > 1 ? "," : ""}${f.keyJson}${text}`;
    }
    return `${json}}`;
  }

  /** `type` is a named type (lists and non-null unwrapped). */
  private concreteType(type: GraphQLOutputType, value: unknown): GraphQLObjectType {
    if (type instanceof GraphQLObjectType) return type;
    const abstract = type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType;
    const concrete = abstract ? this.schema.getType(String((value as Obj).__typename)) : type;
    if (!(concrete instanceof GraphQLObjectType))
      throw new Error(`Cannot resolve the concrete type of ${type.toString()}`);
    return concrete;
  }
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
