import { EditableFields, text, type FieldInputs, type FieldSnapshot, type FieldValues } from '../../schema/editable-fields';
import type { Article } from './article.entity';
import { LIMITS } from './article.limits';

/**
 * An article's plain editable fields. Each is read in every article row, checked on create and
 * update, saved, kept in revisions and restored, and shown on Article, its inputs and its revisions,
 * from this description alone (src/schema/editable-fields.ts). A new one: the entity property (sized
 * by LIMITS), a line here, and a migration (README, "Changing the schema").
 */
export const ARTICLE_FIELDS = EditableFields.of<Article>()({
  headline: text('headline', { max: LIMITS.headline, required: true, description: 'The headline' }),
  standfirst: text('standfirst', { max: LIMITS.standfirst, description: 'The summary under the headline (dek)' }),
});

type Specs = typeof ARTICLE_FIELDS.specs;
export type ArticleFieldValues = FieldValues<Specs>;
export type ArticleFieldInputs = FieldInputs<Specs>;
export type ArticleFieldSnapshot = FieldSnapshot<Specs>;
