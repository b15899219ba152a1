import 'reflect-metadata';
import { isAbstractType, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type PubSub } from 'type-graphql';
import { AnalysisResolver } from '../modules/analysis/analysis.resolver';
import { ArticleResolver, ArticleRevisionResolver } from '../modules/article/article.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthorResolver } from '../modules/author/author.resolver';
import { ImageBlockResolver, QuoteBlockResolver } from '../modules/body/body.resolver';
import { ArticleLiveblogResolver, LiveblogEntryResolver, LiveblogResolver } from '../modules/liveblog/liveblog.resolver';
import { ChangesResolver } from '../modules/changes/changes.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { QuoteResolver } from '../modules/quote/quote.resolver';
import { RouteResolver } from '../modules/route/route.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { SectionResolver } from '../modules/section/section.resolver';
import { TagResolver } from '../modules/tag/tag.resolver';
import { TokenResolver } from '../modules/token/token.resolver';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { DateTimeScalar } from './date-time.scalar';
import { callFieldResolversDirectly } from './direct-resolvers';

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
  ArticleLiveblogResolver,
  LiveblogResolver,
  LiveblogEntryResolver,
  SearchResolver,
  ChangesResolver,
  ViewerResolver,
  AuditResolver,
  TokenResolver,
] as const;

/**
 * type-graphql asks for a PubSub as soon as a schema has subscriptions, even when each brings its own
 * `subscribe`, as every one here does (each follows the request's events: Context.follow). None of
 * them uses topics, so this one refuses to be used.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Subscriptions follow the request context (Context.follow); there are no topics to publish to.');
  },
  subscribe() {
    throw new Error('Subscriptions follow the request context (Context.follow); there are no topics to subscribe to.');
  },
};

/** The executable schema, built from the type-graphql classes; `schema/schema.graphql` is its print. */
export function buildMastheadSchema(): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: NO_TOPICS,
    // Inputs are checked by the services, where the rules live.
    validate: false,
  });
  // Every value of an interface or a union carries its type's name (NodeRow, BodyBlockValue, a
  // route's rows). type-graphql resolves types in an async function, a promise per body block that a
  // compiled plan cannot await (graphql-jit): read the name as it is.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = typeNameOf;
  }
  callFieldResolversDirectly(schema, resolvers);
  return schema;
}

function typeNameOf(value: unknown): string | undefined {
  return (value as { __typename?: string } | null)?.__typename;
}
