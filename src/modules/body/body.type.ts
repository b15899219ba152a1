import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { ImageType } from '../image/image.type';
import { QuoteType, type QuoteRow } from '../quote/quote.type';
import type { StoredBlock } from './body.blocks';
import { bodyRuns, headingAnchors } from './body.render';
import { ListSize } from '../../protection/cost';

@ObjectType('ParagraphBlock', { simpleResolvers: true, description: 'A paragraph of the body.' })
export class ParagraphBlockType {
  @Field({ description: 'The paragraph as plain text.' })
  text!: string;

  @Field({ description: 'The paragraph as sanitized inline HTML (links and emphasis), without a wrapping <p>.' })
  html!: string;
}

@ObjectType('HeadingBlock', { simpleResolvers: true, description: 'A subheading of the body.' })
export class HeadingBlockType {
  @Field({ description: 'The subheading as plain text.' })
  text!: string;

  @Field(() => Int, { description: 'The HTML heading level, 2 to 4.' })
  level!: number;

  @Field({ description: 'The fragment id for this heading in bodyHtml.' })
  anchor!: string;
}

@ObjectType('QuoteBlock', { simpleResolvers: true, description: 'A quote set apart from the text (a pull quote).' })
export class QuoteBlockType {
  @Field(() => QuoteType, { description: 'The quote, with its speaker.' })
  quote!: QuoteRow;
}

@ObjectType('ImageBlock', { simpleResolvers: true, description: 'A picture within the body.' })
export class ImageBlockType {
  @Field(() => ImageType, { description: 'The picture, with its caption and credit.' })
  image!: unknown;
}

@ObjectType('ListBlock', { simpleResolvers: true, description: 'A bulleted or numbered list.' })
export class ListBlockType {
  @Field({ description: 'True for a numbered list.' })
  ordered!: boolean;

  @Field(() => [String], { description: 'The items, as plain text.' })
  items!: string[];
}

/** A stored block as GraphQL reads it: QUOTE and IMAGE blocks keep their ids for the loaders. */
export type BodyBlockValue =
  | { __typename: 'ParagraphBlock'; text: string; html: string }
  | { __typename: 'HeadingBlock'; text: string; level: number; anchor: string }
  | { __typename: 'QuoteBlock'; articleId: number; quoteId: number }
  | { __typename: 'ImageBlock'; imageId: number }
  | { __typename: 'ListBlock'; ordered: boolean; items: string[] };

export const BodyBlockUnion = createUnionType({
  name: 'BodyBlock',
  description: "One block of an article's body.",
  types: () => [ParagraphBlockType, HeadingBlockType, QuoteBlockType, ImageBlockType, ListBlockType] as const,
});

/** The GraphQL view of a stored body; anchors are computed here so every reader agrees on them. */
export function toBodyBlocks(articleId: number, blocks: StoredBlock[]): BodyBlockValue[] {
  const anchors = headingAnchors(blocks);
  let heading = 0;
  return blocks.map((block): BodyBlockValue => {
    switch (block.type) {
      case 'PARAGRAPH':
        return { __typename: 'ParagraphBlock', text: block.text, html: block.html };
      case 'HEADING':
        return { __typename: 'HeadingBlock', text: block.text, level: block.level, anchor: anchors[heading++] };
      case 'QUOTE':
        return { __typename: 'QuoteBlock', articleId, quoteId: block.quoteId };
      case 'IMAGE':
        return { __typename: 'ImageBlock', imageId: block.imageId };
      case 'LIST':
        return { __typename: 'ListBlock', ordered: block.ordered, items: block.items };
    }
  });
}

export interface BodySectionValue {
  heading: { text: string; level: number; anchor: string } | null;
  blocks: BodyBlockValue[];
  quotes: QuoteRow[];
}

/** Splits the body at its subheadings; each run claims the quotes that stand in its blocks. */
export function toBodySections(articleId: number, blocks: StoredBlock[], quotes: QuoteRow[]): BodySectionValue[] {
  const all = toBodyBlocks(articleId, blocks);
  return bodyRuns(blocks).map((run) => {
    const quoteIds = new Set(run.blocks.flatMap((block) => (block.type === 'QUOTE' ? [block.quoteId] : [])));
    return {
      heading: run.heading ? { text: run.heading.block.text, level: run.heading.block.level, anchor: run.heading.anchor } : null,
      blocks: all.slice(run.start, run.end),
      quotes: quotes.filter((quote) => quoteIds.has(quote.id) || (quote.blockIndex !== null && quote.blockIndex >= run.start && quote.blockIndex < run.end)),
    };
  });
}

@ObjectType('BodySection', { simpleResolvers: true, description: "A run of an article's body under one subheading." })
export class BodySectionType {
  @Field(() => HeadingBlockType, { nullable: true, description: 'Null for the opening run before the first subheading.' })
  heading!: HeadingBlockType | null;

  @ListSize(10)
  @Field(() => [BodyBlockUnion], { description: 'The blocks after the heading, up to the next subheading.' })
  blocks!: BodyBlockValue[];

  @ListSize(5)
  @Field(() => [QuoteType], { description: 'The quotes that appear in this run, in reading order.' })
  quotes!: QuoteRow[];
}
