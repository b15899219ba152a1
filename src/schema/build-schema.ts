import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AnalysisResolver } from '../modules/analysis/analysis.resolver';
import { ArticleResolver, ArticleRevisionResolver } from '../modules/article/article.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthorResolver } from '../modules/author/author.resolver';
import { ImageBlockResolver, QuoteBlockResolver } from '../modules/body/body.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { QuoteResolver } from '../modules/quote/quote.resolver';
import { RouteResolver } from '../modules/route/route.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { SectionResolver } from '../modules/section/section.resolver';
import { TagResolver } from '../modules/tag/tag.resolver';
import { TokenResolver } from '../modules/token/token.resolver';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { DateTimeScalar } from './date-time.scalar';

export const resolvers = [
  NodeResolver,
  RouteResolver,
  ArticleResolver,
  ArticleRevisionResolver,
  AnalysisResolver,
  QuoteBlockResolver,
  ImageBlockResolver,
  SectionResolver,
  TagResolver,
  AuthorResolver,
  QuoteResolver,
  SearchResolver,
  ViewerResolver,
  AuditResolver,
  TokenResolver,
] as const;

/** The executable schema, built from the type-graphql classes; `schema/schema.graphql` is its print. */
export function buildMastheadSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Inputs are checked by the services, where the rules live.
    validate: false,
  });
}
