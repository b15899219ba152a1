import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Image } from '../image/image.entity';

/** A journalist credited in bylines. */
@Entity({ tableName: 'author' })
export class Author {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 160, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  jobTitle?: string | null;

  @Property({ type: 'text', nullable: true })
  bio?: string | null;

  @ManyToOne({ entity: () => Image, nullable: true })
  image?: Image | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
