import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asksFor, selected } from '../../pagination/selection';
import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { ArticleConnection, type ArticleRow } from '../article/article.type';
import { SectionType, sectionUri, type SectionRow } from './section.type';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import { CreateSectionInput } from './section.inputs';
import { SectionPayload } from './section.payloads';
import { normalizeSectionPath } from './section.service';
import { ListSize } from '../../protection/cost';

@ArgsType()
class SectionArticlesArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: true, description: 'Include articles filed in subsections (World shows Asia too).' })
  includeSubsections!: boolean;
}

@Resolver(() => SectionType)
export class SectionResolver {
  @Query(() => SectionType, { nullable: true, description: 'A section by its path, e.g. world/asia; null when there is none.' })
  section(@Arg('path', { description: 'Slash-separated slugs from the top, e.g. world/asia.' }) path: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<SectionRow | null> {
    const section = context.sections.byPath(path);
    // The front's page goes to the database beside the section tree, not once the section is in.
    for (const page of selected(info, 'articles')) {
      const { includeSubsections } = page.args as unknown as SectionArticlesArgs;
      context.articles.prefetchList(page.args, { sectionPath: normalizeSectionPath(path), includeSubsections }, page.asksFor('totalCount'));
    }
    return section;
  }

  @ListSize(10)
  @Query(() => [SectionType], { description: 'Top-level sections, in editorial order.' })
  sections(@Ctx() context: Context): Promise<SectionRow[]> {
    return context.sections.topLevel();
  }

  @FieldResolver(() => String, { description: 'The public path of the section front, e.g. /world/asia.' })
  uri(@Root() section: SectionRow): string {
    return sectionUri(section);
  }

  @FieldResolver(() => SectionType, { nullable: true, description: 'The section above this one; null at the top.' })
  async parent(@Root() section: SectionRow, @Ctx() context: Context): Promise<SectionRow | null> {
    return section.parentId === null ? null : context.loaders.section.byId.load(section.parentId);
  }

  @ListSize(10)
  @FieldResolver(() => [SectionType], { description: 'Subsections, in editorial order.' })
  children(@Root() section: SectionRow, @Ctx() context: Context): Promise<SectionRow[]> {
    return context.loaders.section.childrenOf.load(section.id);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The section front: newest published pieces first.' })
  articles(@Root() section: SectionRow, @Args() args: SectionArticlesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ArticleRow>> {
    return context.articles.list(args, { sectionPath: section.path, includeSubsections: args.includeSubsections }, asksFor(info, 'totalCount'));
  }

  @Mutation(() => SectionPayload, { description: 'Adds a section, last among its siblings. Needs an ADMIN token.' })
  async createSection(@Arg('input', () => CreateSectionInput, { description: 'The section.' }) input: CreateSectionInput, @Ctx() context: Context): Promise<PayloadValue<SectionRow>> {
    return toPayload(await context.sections.create(input), (id) => context.loaders.section.byId.load(id));
  }
}
