import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../auth/viewer';

/** One mutation that changed something: who did what to which object. Written in the mutation's own transaction. */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['at', 'id'] })
@Index({ properties: ['subjectType', 'subjectId'] })
export class AuditEntry {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** The token's name; kept as text so the log outlives the token. */
  @Property({ type: 'string', length: 120 })
  actor!: string;

  // A plain string column, like the other enums: SQLite cannot diff CHECK constraints.
  @Property({ type: 'string', length: 16 })
  actorRole!: Role;

  /** The mutation's name, e.g. publishArticle. */
  @Property({ type: 'string', length: 60 })
  action!: string;

  /** The GraphQL type of the object acted on, e.g. Article. */
  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Property({ type: 'integer' })
  subjectId!: number;

  /** What changed, e.g. ["headline", "body"]. */
  @Property({ type: 'json' })
  changes: string[] = [];
}
