import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../auth/viewer';

/** An API token: only its SHA-256 hash is stored, so a leaked database grants nobody access. */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Who or what holds it, e.g. "Jane Doe" or "CMS production"; `--revoke` finds it by this. */
  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  // A plain string column, like the other enums: SQLite cannot diff CHECK constraints.
  @Property({ type: 'string', length: 16 })
  role!: Role;

  /** Hex SHA-256 of the token. */
  @Property({ type: 'string', length: 64, unique: true })
  hash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
