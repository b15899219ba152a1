import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { RouteRow } from './route.service';
import { RouteUnion } from './route.type';

@Resolver()
export class RouteResolver {
  @Query(() => RouteUnion, { nullable: true, description: 'Resolves a public path such as /world/asia/some-slug to what lives there, or to a redirect.' })
  route(@Arg('path', { description: 'A public path, e.g. /world/asia/some-slug.' }) path: string, @Ctx() context: Context): Promise<RouteRow | null> {
    return context.routes.resolve(path);
  }
}
