import { Field, ObjectType } from 'type-graphql';
import { QuoteOrigin } from './quote.enums';
import { connectionType } from '../../pagination/connection.type';
import { NodeInterface, type NodeRow } from '../node/node.type';

export interface QuoteRow extends NodeRow {
  __typename: 'Quote';
  articleId: number;
  position: number;
  blockIndex: number | null;
  text: string;
  speakerName: string;
  speakerId: number | null;
  reportedById: number | null;
  context: string | null;
  origin: QuoteOrigin;
}

@ObjectType('Quote', { simpleResolvers: true, implements: NodeInterface, description: 'Words someone said, as an article reports them.' })
export class QuoteType extends NodeInterface {
  @Field({ description: 'The quoted words, without quotation marks.' })
  text!: string;

  @Field({ description: 'The speaker as credited in the article; empty when the article does not say who spoke (see attributed).' })
  speakerName!: string;

  @Field(() => QuoteOrigin, { description: 'Who put the quote on the article: the copy analysis or an editor.' })
  origin!: QuoteOrigin;

  @Field(() => String, { nullable: true, description: 'The sentence in which the quote appears.' })
  context!: string | null;
}

export const QuoteConnection = connectionType(QuoteType, 'Quote', 'quote');
