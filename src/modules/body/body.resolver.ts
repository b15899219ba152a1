import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ImageType, type ImageRow } from '../image/image.type';
import { QuoteType, type QuoteRow } from '../quote/quote.type';
import { ImageBlockType, QuoteBlockType } from './body.type';

@Resolver(() => QuoteBlockType)
export class QuoteBlockResolver {
  @FieldResolver(() => QuoteType, { description: 'The quote, with its speaker.' })
  async quote(@Root() block: { quoteId: number }, @Ctx() context: Context): Promise<QuoteRow | null> {
    return context.loaders.quote.byId.load(block.quoteId);
  }
}

@Resolver(() => ImageBlockType)
export class ImageBlockResolver {
  @FieldResolver(() => ImageType, { description: 'The picture, with its caption and credit.' })
  async image(@Root() block: { imageId: number }, @Ctx() context: Context): Promise<ImageRow | null> {
    return context.loaders.image.byId.load(block.imageId);
  }
}
