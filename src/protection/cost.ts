import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page';

/**
 * How many items a list field without `first` may return, declared on the field itself
 * (`@ListSize(10)`), so the cost of a query that asks for it is known before it runs. A test checks
 * that every list of objects either takes `first` or declares its size.
 */
export function ListSize(items: number): MethodDecorator & PropertyDecorator {
  return Extensions({ listSize: items }) as MethodDecorator & PropertyDecorator;
}

/** The upper bound of a `first` argument, where it is not the page size of lists (`@MaxItems(20)`). */
export function MaxItems(items: number): MethodDecorator & PropertyDecorator {
  return Extensions({ maxItems: items }) as MethodDecorator & PropertyDecorator;
}

/** Introspection's own lists, which carry no declared size: sized from the schema (schemaListSizes). */
export type IntrospectionSizes = Record<string, number>;

/** The average length of each introspection list over the schema: an introspection query's cost is that of a real answer. */
export function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  const types = Object.values(schema.getTypeMap());
  const average = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length)));
  const withFields = types.filter((type) => 'getFields' in type);
  const fields = withFields.flatMap((type) => Object.values((type as { getFields(): Record<string, { args?: readonly unknown[] }> }).getFields()));
  return {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': average(withFields.map((type) => Object.keys((type as { getFields(): object }).getFields()).length)),
    '__Type.inputFields': average(withFields.map((type) => Object.keys((type as { getFields(): object }).getFields()).length)),
    '__Type.interfaces': 1,
    '__Type.possibleTypes': average(types.filter((type) => 'getTypes' in type).map((type) => (type as unknown as { getTypes(): readonly unknown[] }).getTypes().length)),
    '__Type.enumValues': average(types.filter((type) => 'getValues' in type).map((type) => (type as unknown as { getValues(): readonly unknown[] }).getValues().length)),
    '__Field.args': average(fields.map((field) => field.args?.length ?? 0)),
    '__Directive.args': average(schema.getDirectives().map((directive) => directive.args.length)),
  };
}

/** A list of objects that declares no size and takes no `first`: assumed to hold this many. */
const UNDECLARED_LIST_SIZE = 10;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  introspection: IntrospectionSizes;
}

/**
 * The most objects a query can return, counted before it runs, in the manner of GitHub's node limit:
 * every field of object type counts once for each item it may return, and a list multiplies
 * everything under it. A list's size is its `first` (the argument's default when left out, capped at
 * the field's maximum), a connection's `first` sizes its `nodes` and `edges`, and other lists use
 * their declared `@ListSize`. Scalars cost nothing: they come with their object's row. Fragments and
 * inline fragments count where they are spread, as the fields they hold. Introspection's lists are
 * sized from the schema itself.
 */
export function queryCost(input: CostInput): number {
  const root = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.operation.operation === 'subscription' ? input.schema.getSubscriptionType() : input.schema.getQueryType();
  if (!root) return 0;
  const cost = selectionCost({ ...input, fragmentCosts: new Map() }, input.operation.selectionSet, root, 1, null, new Set());
  // Fragments spread in fragments can ask for more than a number holds.
  return Math.min(cost, Number.MAX_SAFE_INTEGER);
}

interface Walk extends CostInput {
  /**
   * The cost of one of each fragment (by name and the page size it sits in). A cost grows in
   * proportion to the count above it, so each fragment is walked once however often it is spread:
   * fragments spreading each other twice per level would otherwise take exponential time to walk.
   */
  fragmentCosts: Map<string, number>;
}

function selectionCost(
  input: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  count: number,
  pageSize: number | null,
  spreading: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) cost += selectionCost(input, selection.selectionSet, type, count, pageSize, spreading);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = input.fragments[name];
      // A fragment that spreads itself is refused by validation; never follow it round.
      if (!fragment || spreading.has(name)) continue;
      const type = input.schema.getType(fragment.typeCondition.name.value);
      if (!type || !isCompositeType(type)) continue;
      const key = `${name}|${pageSize ?? ''}`;
      let unit = input.fragmentCosts.get(key);
      if (unit === undefined) {
        spreading.add(name);
        unit = selectionCost(input, fragment.selectionSet, type, 1, pageSize, spreading);
        spreading.delete(name);
        input.fragmentCosts.set(key, unit);
      }
      cost += count * unit;
      continue;
    }
    const field = fieldOf(input.schema, parent, selection.name.value);
    if (!field || isLeafType(getNamedType(field.type)) || !selection.selectionSet) continue;
    const args = argumentValues(field, selection.arguments ?? [], input.variables);
    const first = 'first' in args ? pageOf(field, args.first) : null;
    const list = isListType(getNullableType(field.type));
    let items = 1;
    if (list) items = first ?? declaredSize(input, parent, field, args) ?? pageSize ?? UNDECLARED_LIST_SIZE;
    const inner = count * items;
    const type = getNamedType(field.type) as GraphQLCompositeType;
    // Introspection answers from memory, and its type references nest a dozen single objects deep:
    // only its lists, which could multiply, count.
    const counted = !list && type.name.startsWith('__') ? 0 : inner;
    // A connection's `first` sizes the lists inside it (nodes, edges); a list's own items are counted here.
    cost += counted + selectionCost(input, selection.selectionSet, type, inner, list ? null : first, spreading);
  }
  return cost;
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === '__type' && parent === schema.getQueryType()) return TypeMetaFieldDef;
  return isObjectType(parent) || 'getFields' in parent ? (parent as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name] : undefined;
}

/** The field's arguments with variables and defaults applied; values that do not fit their type are left out. */
function argumentValues(field: GraphQLField<unknown, unknown>, nodes: readonly { name: { value: string }; value: ValueNode }[], variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    const node = nodes.find((candidate) => candidate.name.value === arg.name);
    const value = node ? valueFromAST(node.value, arg.type, variables) : undefined;
    if (value !== undefined && value !== null) values[arg.name] = value;
    else if (arg.defaultValue !== undefined && arg.defaultValue !== null) values[arg.name] = arg.defaultValue;
  }
  if (field.args.some((arg) => arg.name === 'first') && !('first' in values)) values.first = null;
  return values;
}

/** A `first` as the resolver will read it: the page size when left out, never more than the field allows. */
function pageOf(field: GraphQLField<unknown, unknown>, first: unknown): number {
  const max = typeof field.extensions.maxItems === 'number' ? field.extensions.maxItems : MAX_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isFinite(first)) return Math.min(DEFAULT_PAGE_SIZE, max);
  return Math.max(0, Math.min(Math.floor(first), max));
}

function declaredSize(input: Walk, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  if (typeof field.extensions.listSize === 'number') return field.extensions.listSize;
  // A lookup by ids returns one item for each id asked for.
  if (Array.isArray(args.ids)) return args.ids.length;
  return input.introspection[`${parent.name}.${field.name}`] ?? null;
}
