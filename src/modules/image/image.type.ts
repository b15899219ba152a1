import { Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface, type NodeRow } from '../node/node.type';

export interface ImageRow extends NodeRow {
  __typename: 'Image';
  url: string;
  altText: string;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

@ObjectType('Image', { simpleResolvers: true, implements: NodeInterface, description: 'A picture with the text and credit a page needs to show it.' })
export class ImageType extends NodeInterface {
  @Field({ description: 'Where the picture can be fetched.' })
  url!: string;

  @Field({ description: 'Describes the picture for readers who cannot see it.' })
  altText!: string;

  @Field(() => String, { nullable: true, description: 'The caption shown under the picture.' })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'Who took or owns the picture, e.g. "Photograph: KCNA".' })
  credit!: string | null;

  @Field(() => Int, { nullable: true, description: 'Width in pixels, when known.' })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels, when known.' })
  height!: number | null;
}
