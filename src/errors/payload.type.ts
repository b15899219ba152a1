import { type ClassType, Field, ObjectType } from 'type-graphql';
import type { WriteResult } from '../request';
import { UserErrorType } from './user-error.type';
import type { UserErrorValue } from './errors';
import { ListSize } from '../protection/cost';

/** Declares a mutation payload: the object saved (null when refused) and the userErrors. */
export function payloadType(name: string, field: string, nodeType: ClassType, what: string) {
  // Not simpleResolvers: the property `saved` is renamed to `field`, which needs type-graphql's own resolver.
  @ObjectType(name, { description: `The ${what} as saved, or the userErrors that stopped the change.` })
  class Payload {
    @Field(() => nodeType, { name: field, nullable: true, description: `The ${what} after the change; null when nothing was changed.` })
    saved!: unknown;

    @ListSize(3)
    @Field(() => [UserErrorType], { description: 'What was wrong with the request; empty when it succeeded.' })
    userErrors!: UserErrorValue[];
  }
  return Payload;
}

/** The shape `payloadType` reads. */
export interface PayloadValue<T> {
  saved: T | null;
  userErrors: UserErrorValue[];
}

/** Re-reads what a mutation saved through `load` (the request's loaders, fresh after the write). */
export async function toPayload<K, T>(result: WriteResult<K>, load: (key: K) => Promise<T | null>): Promise<PayloadValue<T>> {
  return { saved: result.value === null ? null : await load(result.value), userErrors: result.userErrors };
}
