import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127033257_initial } from './Migration20261127033257_initial';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261127033257_initial', class: Migration20261127033257_initial },
];
