import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127034714_initial } from './Migration20261127034714_initial';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261127034714_initial', class: Migration20261127034714_initial },
];
