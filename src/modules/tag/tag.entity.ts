import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TagKind } from './tag.enums';
import { tagNameKey } from './tag.names';

/** A person, organization, place, event, series or topic that articles are about. */
@Entity({ tableName: 'tag' })
export class Tag {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'nameKey';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 160, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /**
   * The name as tags are looked up by it (tagNameKey), kept with every save of the name: an index
   * lookup that folds letter case and apostrophes the same way on both databases.
   */
  @Index()
  @Property({ type: 'string', length: 400, default: '', onCreate: (tag: Tag) => tagNameKey(tag.name), onUpdate: (tag: Tag) => tagNameKey(tag.name) })
  nameKey!: string;

  // A plain string column: SQLite cannot diff CHECK constraints, and the services own the values.
  @Property({ type: 'string', length: 16 })
  kind!: TagKind;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Increases with every saved change; updateTag must name the version it edits, so no edit is lost. */
  @Property({ type: 'integer', version: true })
  version!: number;

  /**
   * Other names of the tag (KCNA for Korean Central News Agency). Declared here, in this file, so
   * that MikroORM discovers TagAlias through Tag (src/database/entities.ts lists Tag) and no module
   * imports the other in a cycle. Writes go through TagAlias itself (tag.service.ts).
   */
  @OneToMany({ entity: () => TagAlias, mappedBy: 'tag' })
  aliases = new Collection<TagAlias>(this);
}

/**
 * One alias of a tag, in the editor's order. `normalized` (tagNameKey: case-folded, spaces collapsed)
 * is unique across all tags: one alias belongs to one tag, and "find the tag called X" is one index
 * lookup on either database, with the same case-folding on both (SQLite's lower() folds ASCII only).
 * That an alias is no other tag's name is checked by the service (names need not be unique).
 */
@Entity({ tableName: 'tag_alias' })
export class TagAlias {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  // Indexed on both databases (MikroORM indexes foreign keys itself on SQLite only): a tag's aliases are read by tag.
  @Index()
  @ManyToOne({ entity: () => Tag, deleteRule: 'cascade' })
  tag!: Tag;

  @Property({ type: 'integer' })
  position!: number;

  /** As the editor wrote it. */
  @Property({ type: 'string', length: 200 })
  alias!: string;

  /** Twice the alias's length: lowercasing can lengthen text (İ becomes i and a combining dot). */
  @Property({ type: 'string', length: 400, unique: true })
  normalized!: string;
}
