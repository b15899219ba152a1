import { payloadType } from '../../errors/payload.type';
import { SectionType } from './section.type';

export const SectionPayload = payloadType('SectionPayload', 'section', SectionType, 'section');
