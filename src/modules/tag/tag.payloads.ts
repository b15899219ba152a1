import { payloadType } from '../../errors/payload.type';
import { TagType } from './tag.type';

export const TagPayload = payloadType('TagPayload', 'tag', TagType, 'tag');
