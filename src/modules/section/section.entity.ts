import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A part of the site, in a tree (World › Asia). `path` is stored so routes resolve in one look-up. */
@Entity({ tableName: 'section' })
// Children in editorial order.
@Index({ properties: ['parent', 'position'] })
export class Section {
  [OptionalProps]?: 'position' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 120 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Slash-separated slugs from the top, e.g. world/asia. */
  @Property({ type: 'string', length: 500, unique: true })
  path!: string;

  @ManyToOne({ entity: () => Section, nullable: true })
  parent?: Section | null;

  /** Editorial order among siblings. */
  @Property({ type: 'integer' })
  position: number = 0;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
