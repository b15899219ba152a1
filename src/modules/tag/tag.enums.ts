import { registerEnumType } from 'type-graphql';

export enum TagKind {
  TOPIC = 'TOPIC',
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
  EVENT = 'EVENT',
  SERIES = 'SERIES',
}

registerEnumType(TagKind, { name: 'TagKind', description: 'What a tag stands for.' });
