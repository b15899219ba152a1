import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { WriteResult } from '../../request';
import { CreateApiTokenInput } from './token.inputs';
import { ApiTokenPayload, ApiTokenType, type ApiTokenRow } from './token.type';
import { ListSize } from '../../protection/cost';

function payload(result: WriteResult<{ row: ApiTokenRow; secret: string | null }>): ApiTokenPayload {
  return { apiToken: result.value?.row ?? null, secret: result.value?.secret ?? null, userErrors: result.userErrors };
}

@Resolver(() => ApiTokenType)
export class TokenResolver {
  @ListSize(20)
  @Query(() => [ApiTokenType], { description: 'Every API token, live and revoked, newest first. Needs an ADMIN token.' })
  apiTokens(@Ctx() context: Context): Promise<ApiTokenRow[]> {
    return context.tokens.list();
  }

  @Mutation(() => ApiTokenPayload, { description: 'Makes an API token; its secret is in this answer only. Needs an ADMIN token.' })
  async createApiToken(@Arg('input', () => CreateApiTokenInput, { description: 'The token.' }) input: CreateApiTokenInput, @Ctx() context: Context): Promise<ApiTokenPayload> {
    return payload(await context.tokens.issue(input.name, input.role));
  }

  @Mutation(() => ApiTokenPayload, { description: 'Ends an API token for good; requests with it fail as UNAUTHENTICATED. Needs an ADMIN token.' })
  async revokeApiToken(@Arg('name', { description: 'The name of the token to revoke.' }) name: string, @Ctx() context: Context): Promise<ApiTokenPayload> {
    return payload(await context.tokens.revoke(name));
  }
}
