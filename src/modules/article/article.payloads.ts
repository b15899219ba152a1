import { payloadType } from '../../errors/payload.type';
import { ArticleType } from './article.type';

export const ArticlePayload = payloadType('ArticlePayload', 'article', ArticleType, 'article');
