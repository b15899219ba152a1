import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { ChangeFeedType, type ChangeFeedValue } from './changes.type';

@Resolver()
export class ChangesResolver {
  @Query(() => ChangeFeedType, {
    description:
      'The sync feed for apps: from `since` (the cursor of the last call), each article to store again or drop, in commit order, and the cursor to ask from next. The first call has no `since`: it starts from now, or, with `latest`, with the newest published pieces (of `section`, if given, which the cursor then follows). A cursor older than the feed keeps is RESYNC_REQUIRED. The public view, whoever asks; never cached.',
  })
  changes(
    @Ctx() context: Context,
    @Arg('since', () => String, { nullable: true, description: "The previous call's cursor; left out on the first call." }) since?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many changes at most: 20 when left out, at most 100.' }) first?: number | null,
    @Arg('section', () => String, { nullable: true, description: 'On the first call: follow only this section (and its subsections), e.g. world.' }) section?: string | null,
    @Arg('latest', () => Int, { nullable: true, description: 'On the first call: start with this many of the newest published pieces (at most 100).' }) latest?: number | null,
  ): Promise<ChangeFeedValue> {
    return context.changes.read({ since, first, section, latest });
  }
}
