import { payloadType } from '../../errors/payload.type';
import { QuoteType } from './quote.type';

export const QuotePayload = payloadType('QuotePayload', 'quote', QuoteType, 'quote');
