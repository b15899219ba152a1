import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const contextModule = path.join(root, 'src/context');

/**
 * Where a file under src/modules or src/errors refers to src/context.ts, as `file:line: statement`.
 * Services get their plumbing from src/request.ts and their fellow services from their constructor;
 * context.ts builds them all, so importing it back would be a circle. Resolvers take the Context as
 * @Ctx(), so they alone may name its type, with `import type` (erased from the running code).
 */
function contextImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const resolver = file.endsWith('.resolver.ts');
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const specifier = moduleNamed(node);
    if (specifier && specifier.startsWith('.') && path.resolve(root, path.dirname(file), specifier).replace(/\.ts$|\/index(\.ts)?$/, '') === contextModule) {
      const typeOnly = ts.isImportDeclaration(node) && node.importClause?.isTypeOnly === true;
      if (!(resolver && typeOnly)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line}: ${node.getText().replace(/\s+/g, ' ')}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The module a node loads or names: imports, re-exports, import() and require() calls, and import('…') types. */
function moduleNamed(node: ts.Node): string | null {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression.text;
  }
  if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
    const [argument] = node.arguments;
    return argument && ts.isStringLiteral(argument) ? argument.text : null;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) return node.argument.literal.text;
  return null;
}

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name))
    .sort();
}

describe('imports of src/context.ts', () => {
  it('none from src/modules or src/errors, but resolvers naming the Context type with `import type`', () => {
    const files = [...sourceFiles('src/modules'), ...sourceFiles('src/errors')];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => contextImports(file, fs.readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });

  it('are found however they are written', () => {
    const service = 'src/modules/tag/tag.service.ts';
    const resolver = 'src/modules/tag/tag.resolver.ts';
    expect(contextImports(service, "import type { Context } from '../../context';")).toEqual([`${service}:1: import type { Context } from '../../context';`]);
    expect(contextImports(service, "const x = 1;\nexport { Loaders } from '../../context.ts';")).toHaveLength(1);
    expect(contextImports(service, "let c: import('../../context').Context;")).toHaveLength(1);
    expect(contextImports(service, "const context = require('../../context');")).toHaveLength(1);
    expect(contextImports(resolver, "import { Context } from '../../context';")).toHaveLength(1);
    expect(contextImports(resolver, "import { type Context } from '../../context';")).toHaveLength(1);
    expect(contextImports(resolver, "import type { Context } from '../../context';")).toEqual([]);
    expect(contextImports(service, "import type { RequestContext } from '../../request';\nimport { contextOf } from './context';")).toEqual([]);
    expect(contextImports('src/errors/payload.type.ts', "import type { WriteResult } from '../context';")).toHaveLength(1);
  });
});

// src/database/transaction.ts says why: em.transactional enters an AsyncLocalStorage that every later
// promise then pays for.
describe('transactions', () => {
  it('are opened with inTransaction, never with em.transactional', () => {
    const calls = sourceFiles('src').flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (/\.transactional\(/.test(line) && file !== 'src/database/transaction.ts' ? [`${file}:${index + 1}`] : [])),
    );
    expect(calls).toEqual([]);
  });
});
