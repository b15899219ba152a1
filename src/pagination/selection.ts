import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `field` (through fragments too; conditional ones count as
 * asked). Lists use it to send their totalCount beside the page rather than after it.
 */
export function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, field, info));
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
  for (const node of info.fieldNodes) collect(node.selectionSet, field, info, byName);
  return [...byName.values()].map((nodes) => ({
    args: getArgumentValues(definition, nodes[0], info.variableValues),
    asksFor: (sub) => nodes.some((node) => selects(node.selectionSet, sub, info)),
  }));
}

function collect(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo, byName: Map<string, FieldNode[]>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') {
      if (selection.name.value !== field) continue;
      const name = selection.alias?.value ?? field;
      byName.set(name, [...(byName.get(name) ?? []), selection]);
    } else {
      collect(selection.kind === 'InlineFragment' ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet, field, info, byName);
    }
  }
}

function selects(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === 'Field') return selection.name.value === field;
    if (selection.kind === 'InlineFragment') return selects(selection.selectionSet, field, info);
    return selects(info.fragments[selection.name.value]?.selectionSet, field, info);
  });
}
