import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/viewer';
import { connectionType } from '../../pagination/connection.type';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import type { NodeTypeName } from '../node/global-id';

/** What a mutation can act on: any Node, or an API token (which is no Node: it has no public ID). */
export type AuditSubjectType = NodeTypeName | 'ApiToken';

export interface AuditEntryRow {
  id: number;
  at: Date;
  actor: string;
  actorRole: Role;
  action: string;
  subjectType: AuditSubjectType;
  subjectId: number;
  changes: string[];
}

@ObjectType('AuditEntry', { simpleResolvers: true, description: 'One mutation that changed something: who did what to which object.' })
export class AuditEntryType {
  @Field(() => DateTimeScalar, { description: 'When it was done.' })
  at!: Date;

  @Field({ description: 'The name of the token that did it.' })
  actor!: string;

  @Field(() => Role, { description: "The actor's role at the time." })
  actorRole!: Role;

  @Field({ description: 'The mutation, e.g. publishArticle.' })
  action!: string;

  @Field({ description: 'The type of the object acted on, e.g. Article.' })
  subjectType!: string;

  @Field(() => [String], { description: 'The fields it changed, when the object is an article.' })
  changes!: string[];
}

export const AuditEntryConnection = connectionType(AuditEntryType, 'AuditEntry', 'audit entry');
