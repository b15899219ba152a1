import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, isInputObjectType, isInterfaceType, isObjectType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printMastheadSchema } from '../../src/schema/print-schema';

const root = path.resolve(__dirname, '../..');
const contractDir = path.resolve(root, '../shared/contract');
const emittedPath = path.join(root, 'schema/schema.graphql');
const hasContract = fs.existsSync(path.join(contractDir, 'schema.graphql'));

describe('the emitted schema', () => {
  it('is current: schema/schema.graphql is what the code builds (run `npm run schema` if not)', () => {
    expect(fs.readFileSync(emittedPath, 'utf8')).toBe(printMastheadSchema());
  });

  it('describes every type, field and argument it adds', () => {
    const schema = buildSchema(fs.readFileSync(emittedPath, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe.skipIf(!hasContract)('the public contract (../shared/contract; skipped when that folder is absent)', () => {
  const contract = () => buildSchema(fs.readFileSync(path.join(contractDir, 'schema.graphql'), 'utf8'));
  const emitted = () => buildSchema(fs.readFileSync(emittedPath, 'utf8'));
  const operations = hasContract ? fs.readdirSync(path.join(contractDir, 'operations')).filter((file) => file.endsWith('.graphql')) : [];

  it('has no breaking change in the emitted schema', () => {
    expect(findBreakingChanges(contract(), emitted()).map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it.each(operations)('validates %s against the emitted schema', (file) => {
    const errors = validate(emitted(), parse(fs.readFileSync(path.join(contractDir, 'operations', file), 'utf8')));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  // The project's own copies in schema/operations may grow; the contract's run as clients send them (contract-operations.test.ts).
});
