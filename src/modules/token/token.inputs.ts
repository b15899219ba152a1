import { Field, InputType } from 'type-graphql';
import { Role } from '../../auth/viewer';

@InputType('CreateApiTokenInput', { description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field({ description: 'Who or what will hold it, e.g. "Jane Doe" or "CMS production"; unique, up to 120 characters.' })
  name!: string;

  @Field(() => Role, { description: 'What it may do.' })
  role!: Role;
}
