import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { toGlobalId } from '../node/global-id';
import { NodeInterface, type NodeRow } from '../node/node.type';
import { AuditEntryConnection, AuditEntryType, type AuditEntryRow } from './audit.type';

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only what was done to this object.' })
  subjectId?: string | null;
}

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every mutation that changed something, newest first. Needs an ADMIN token.' })
  auditLog(@Args() args: AuditLogArgs, @Ctx() context: Context): Promise<ConnectionResult<AuditEntryRow>> {
    return context.audit.list(args);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The global ID of the object acted on; null for an API token, which has none.' })
  subjectId(@Root() entry: AuditEntryRow): string | null {
    return entry.subjectType === 'ApiToken' ? null : toGlobalId(entry.subjectType, entry.subjectId);
  }

  @FieldResolver(() => NodeInterface, { nullable: true, description: 'The object acted on; null when it is gone (e.g. a removed quote) or is an API token.' })
  async subject(@Root() entry: AuditEntryRow, @Ctx() context: Context): Promise<NodeRow | null> {
    return entry.subjectType === 'ApiToken' ? null : context.nodes.resolve(toGlobalId(entry.subjectType, entry.subjectId), 'subjectId');
  }
}
