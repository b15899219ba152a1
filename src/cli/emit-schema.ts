/** Writes schema/schema.graphql from the code (npm run schema). */
import fs from 'node:fs';
import path from 'node:path';
import { printMastheadSchema } from '../schema/print-schema';

const target = path.resolve(process.argv[2] ?? 'schema/schema.graphql');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, printMastheadSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
