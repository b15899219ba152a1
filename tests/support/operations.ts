import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';

export interface OperationDocument {
  kind: OperationTypeNode;
  /** The operation with the fragments it uses, as one document a client would send. */
  document: string;
}

/**
 * Every named operation in the `.graphql` files of `dirs`, each as a document of its own; a fragment
 * may be defined in any of the files, as codegen reads them.
 */
export function operationsIn(...dirs: string[]): Map<string, OperationDocument> {
  const definitions = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.graphql'))
      .flatMap((file) => parse(fs.readFileSync(path.join(dir, file), 'utf8')).definitions),
  );
  const fragments = new Map(definitions.filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION).map((node) => [node.name.value, node]));
  const operations = new Map<string, OperationDocument>();
  for (const operation of definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)) {
    const used = new Set<string>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          collect(fragments.get(spread.name.value)!);
        },
      });
    collect(operation);
    const document = [operation, ...[...used].map((name) => fragments.get(name)!)].map((node) => print(node)).join('\n\n');
    operations.set(operation.name!.value, { kind: operation.operation, document });
  }
  return operations;
}
