import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Role, type Viewer } from '../../auth/viewer';
import type { Context } from '../../context';

@ObjectType('Viewer', { simpleResolvers: true, description: 'The caller, as their API token names them.' })
export class ViewerType {
  @Field({ description: "The token's name, e.g. the editor or the CMS it belongs to." })
  name!: string;

  @Field(() => Role, { description: 'What the caller may do.' })
  role!: Role;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The caller, when it presents a token; null for anonymous readers.' })
  viewer(@Ctx() context: Context): Viewer | null {
    return context.viewer;
  }
}
