import { payloadType } from '../../errors/payload.type';
import { LiveblogEntryType } from './liveblog.type';

export const LiveblogEntryPayload = payloadType('LiveblogEntryPayload', 'entry', LiveblogEntryType, 'liveblog entry');
