import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserErrorCode } from './errors';

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    INVALID: { description: 'The value breaks a rule: a length, a format, a missing field.' },
    NOT_FOUND: { description: 'An ID names nothing that exists.' },
    CONFLICT: { description: 'The object is not in a state that allows this, e.g. a stale version.' },
    DUPLICATE: { description: 'Something with this slug or value exists already.' },
  },
});

@ObjectType('UserError', { simpleResolvers: true, description: 'Something the caller asked for that cannot be done as asked. Nothing was changed.' })
export class UserErrorType {
  @Field(() => [String], { nullable: true, description: 'The path to the input field at fault, e.g. ["input", "slug"].' })
  field!: string[] | null;

  @Field({ description: 'What is wrong, in words an editor can act on.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of problem, for code that reacts to it.' })
  code!: UserErrorCode;
}
