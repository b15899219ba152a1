import { GraphQLScalarType, isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Metadata = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Metadata['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type ParamGetter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/**
 * Calls field resolvers (`@FieldResolver` methods) without type-graphql's general wrapper. That
 * wrapper serves middlewares, validation and input classes, none of which these fields use; on every
 * call it still looked the resolver's instance up, sorted and mapped its parameters, and awaited each
 * argument (its argument validation is an async function even when validation is off), a promise and
 * a microtask per `tags` or `relatedCoverage` of every card. A front calls some 570 field resolvers.
 *
 * A field is called directly only when its resolver has no middleware and no roles and takes nothing
 * but its root, the context, the info and scalar or enum arguments, which type-graphql passes through
 * unchanged when validation is off (build-schema.ts turns it off); any other field keeps type-graphql's
 * resolver. The method and its instance are the ones type-graphql would call, with the same values.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly Function[]): void {
  const metadata = getMetadataStorage();
  const typeNames = new Map<Function, string>([...metadata.objectTypes, ...metadata.interfaceTypes].map((type) => [type.target, type.name]));
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();
  // Interfaces first, so that a type's own resolver for a field it inherits wins.
  const definitions = metadata.fieldResolvers
    .filter((definition) => definition.kind === 'external' && resolverClasses.includes(definition.target) && definition.getObjectType)
    .map((definition) => ({ definition, typeName: typeNames.get(definition.getObjectType!()) }))
    .sort((a, b) => Number(isObjectType(schema.getType(a.typeName ?? ''))) - Number(isObjectType(schema.getType(b.typeName ?? ''))));
  for (const { definition, typeName } of definitions) {
    const resolve = direct(definition, instances);
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!resolve || !type || !(isObjectType(type) || isInterfaceType(type))) continue;
    const types = isInterfaceType(type) ? [type, ...schema.getPossibleTypes(type)] : [type];
    for (const each of types) {
      const field = each.getFields()[definition.schemaName];
      if (field?.resolve) field.resolve = resolve;
    }
  }
}

function direct(definition: FieldResolverMetadata, instances: Map<Function, Record<string, (...params: unknown[]) => unknown>>): GraphQLFieldResolver<unknown, unknown> | null {
  if (definition.middlewares?.length || definition.roles?.length) return null;
  const getters = [...(definition.params ?? [])].sort((a, b) => a.index - b.index).map(getter);
  if (getters.some((get) => get === null)) return null;
  let instance = instances.get(definition.target);
  if (!instance) instances.set(definition.target, (instance = new (definition.target as new () => Record<string, (...params: unknown[]) => unknown>)()));
  const method = instance[definition.methodName];
  if (typeof method !== 'function') return null;
  const target = instance;
  const get = getters as ParamGetter[];
  switch (get.length) {
    case 1:
      return (root, args, context, info) => method.call(target, get[0](root, args, context, info));
    case 2:
      return (root, args, context, info) => method.call(target, get[0](root, args, context, info), get[1](root, args, context, info));
    default:
      return (root, args, context, info) => method.apply(target, get.map((each) => each(root, args as Record<string, unknown>, context, info)));
  }
}

/** How one parameter is read from a resolver's arguments; null when only type-graphql's wrapper gives it as it should. */
function getter(param: ParamMetadata): ParamGetter | null {
  switch (param.kind) {
    case 'root': {
      // A class type would make type-graphql copy the row into an instance of it.
      if (param.getType && param.getType() !== Object) return null;
      const property = param.propertyName;
      return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
    }
    case 'context': {
      const property = param.propertyName;
      return property ? (_root, _args, context) => (context as Record<string, unknown>)[property] : (_root, _args, context) => context;
    }
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'arg': {
      if (param.validateFn || param.validateSettings || !passedAsIs(param.getType())) return null;
      const name = param.name;
      return (_root, args) => args[name];
    }
    default:
      return null;
  }
}

/** Scalars and enums (plain objects), which type-graphql hands to a resolver as the value it was given. */
function passedAsIs(type: unknown): boolean {
  return type instanceof GraphQLScalarType || type === String || type === Number || type === Boolean || (typeof type === 'object' && type !== null);
}
