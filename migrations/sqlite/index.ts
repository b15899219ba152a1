import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127034714_initial } from './Migration20261127034714_initial';
import { Migration20261127034934_editorial } from './Migration20261127034934_editorial';
import { Migration20261127060000_search } from './Migration20261127060000_search';
import { Migration20261127073000_similar } from './Migration20261127073000_similar';
import { Migration20261127100000_section_counts } from './Migration20261127100000_section_counts';
import { Migration20261127110000_similar_order } from './Migration20261127110000_similar_order';
import { Migration20261204100000_tag_aliases } from './Migration20261204100000_tag_aliases';
import { Migration20261204120000_search_prefix } from './Migration20261204120000_search_prefix';
import { Migration20261204220000_quote_origin } from './Migration20261204220000_quote_origin';
import { Migration20261204230000_quote_speaker_feed } from './Migration20261204230000_quote_speaker_feed';
import { Migration20261205010000_similar_visibility } from './Migration20261205010000_similar_visibility';
import { Migration20261206000000_speaker_quote_counts } from './Migration20261206000000_speaker_quote_counts';
import { Migration20261206005419_liveblogs } from './Migration20261206005419_liveblogs';
import { Migration20261206015502_embargo } from './Migration20261206015502_embargo';
import { Migration20261206015939_change_feed } from './Migration20261206015939_change_feed';
import { Migration20261206160000_tag_version } from './Migration20261206160000_tag_version';
import { Migration20261206161058_tag_name_key } from './Migration20261206161058_tag_name_key';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261127034714_initial', class: Migration20261127034714_initial },
  { name: 'Migration20261127034934_editorial', class: Migration20261127034934_editorial },
  { name: 'Migration20261127060000_search', class: Migration20261127060000_search },
  { name: 'Migration20261127073000_similar', class: Migration20261127073000_similar },
  { name: 'Migration20261127100000_section_counts', class: Migration20261127100000_section_counts },
  { name: 'Migration20261127110000_similar_order', class: Migration20261127110000_similar_order },
  { name: 'Migration20261204100000_tag_aliases', class: Migration20261204100000_tag_aliases },
  { name: 'Migration20261204120000_search_prefix', class: Migration20261204120000_search_prefix },
  { name: 'Migration20261204220000_quote_origin', class: Migration20261204220000_quote_origin },
  { name: 'Migration20261204230000_quote_speaker_feed', class: Migration20261204230000_quote_speaker_feed },
  { name: 'Migration20261205010000_similar_visibility', class: Migration20261205010000_similar_visibility },
  { name: 'Migration20261206000000_speaker_quote_counts', class: Migration20261206000000_speaker_quote_counts },
  { name: 'Migration20261206005419_liveblogs', class: Migration20261206005419_liveblogs },
  { name: 'Migration20261206015502_embargo', class: Migration20261206015502_embargo },
  { name: 'Migration20261206015939_change_feed', class: Migration20261206015939_change_feed },
  { name: 'Migration20261206160000_tag_version', class: Migration20261206160000_tag_version },
  { name: 'Migration20261206161058_tag_name_key', class: Migration20261206161058_tag_name_key },
];
