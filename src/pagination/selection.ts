import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `field` (through fragments too; conditional ones count as
 * asked). Lists use it to send their totalCount beside the page rather than after it.
 */
export function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => fieldsNamed(node.selectionSet, field, info).length > 0);
}

/** A field the field being resolved selects: its arguments, variables and defaults applied, and whether it selects `sub`. */
export interface Selected {
  args: Record<string, unknown>;
  asksFor(sub: string): boolean;
}

/**
 * Each selection of `field` (by response name; through fragments, conditional ones too) in the object
 * the field being resolved returns: a resolver starts a child's read with its own, so that both go to
 * the database together. Nothing for a field of an interface or union.
 */
export function selected(info: GraphQLResolveInfo, field: string): Selected[] {
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!definition) return [];
  const byName = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes.flatMap((fieldNode) => fieldsNamed(fieldNode.selectionSet, field, info))) {
    const name = node.alias?.value ?? field;
    byName.set(name, [...(byName.get(name) ?? []), node]);
  }
  return [...byName.values()].map((nodes) => ({
    args: getArgumentValues(definition, nodes[0], info.variableValues),
    asksFor: (sub) => nodes.some((node) => fieldsNamed(node.selectionSet, sub, info).length > 0),
  }));
}

/** The selections of `field` in a selection set, through its fragments. */
function fieldsNamed(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === 'Field') return selection.name.value === field ? [selection] : [];
    return fieldsNamed(selection.kind === 'InlineFragment' ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet, field, info);
  });
}
