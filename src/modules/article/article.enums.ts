import { registerEnumType } from 'type-graphql';

export enum ArticleStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum ArticleOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
}

registerEnumType(ArticleStatus, {
  name: 'ArticleStatus',
  description: 'Where an article stands in its life: a scheduled piece reads as PUBLISHED once its time has come.',
});
registerEnumType(ArticleOrder, { name: 'ArticleOrder', description: 'How article lists are ordered.' });
