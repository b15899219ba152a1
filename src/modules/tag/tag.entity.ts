import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TagKind } from './tag.enums';

/** A person, organization, place, event, series or topic that articles are about. */
@Entity({ tableName: 'tag' })
export class Tag {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 160, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  // A plain string column: SQLite cannot diff CHECK constraints, and the services own the values.
  @Property({ type: 'string', length: 16 })
  kind!: TagKind;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
