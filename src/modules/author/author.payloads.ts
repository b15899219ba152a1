import { payloadType } from '../../errors/payload.type';
import { AuthorType } from './author.type';

export const AuthorPayload = payloadType('AuthorPayload', 'author', AuthorType, 'author');
