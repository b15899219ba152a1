import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildMastheadSchema } from './build-schema';

/** The committed SDL: sorted, so a diff shows only real changes. */
export function printMastheadSchema(): string {
  const header = '# Emitted from the type-graphql classes by `npm run schema`; do not edit by hand.\n\n';
  return header + printSchema(lexicographicSortSchema(buildMastheadSchema())) + '\n';
}
