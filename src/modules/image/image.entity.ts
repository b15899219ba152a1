import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A picture with the credits and text a page needs to show it. */
@Entity({ tableName: 'image' })
export class Image {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Property({ type: 'string', length: 1000 })
  altText!: string;

  @Property({ type: 'text', nullable: true })
  caption?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  credit?: string | null;

  @Property({ type: 'integer', nullable: true })
  width?: number | null;

  @Property({ type: 'integer', nullable: true })
  height?: number | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
