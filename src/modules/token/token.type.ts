import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/viewer';
import { UserErrorType } from '../../errors/user-error.type';
import type { UserErrorValue } from '../../errors/errors';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { ListSize } from '../../protection/cost';

export interface ApiTokenRow {
  id: number;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

@ObjectType('ApiToken', { description: 'An API token as admins see it: never its secret, which is not kept.' })
export class ApiTokenType {
  @Field({ description: 'Who or what holds it; unique.' })
  name!: string;

  @Field(() => Role, { description: 'What it may do.' })
  role!: Role;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;
}

@ObjectType('ApiTokenPayload', { description: 'The token as saved, or the userErrors that stopped the change.' })
export class ApiTokenPayload {
  @Field(() => ApiTokenType, { nullable: true, description: 'The token after the change; null when nothing was changed.' })
  apiToken!: ApiTokenRow | null;

  @Field(() => String, { nullable: true, description: 'The new token itself, to send as "Authorization: Bearer <secret>"; shown only in this answer.' })
  secret!: string | null;

  @ListSize(3)
  @Field(() => [UserErrorType], { description: 'What was wrong with the request; empty when it succeeded.' })
  userErrors!: UserErrorValue[];
}
