import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { ImageRow } from './image.type';

const COLUMNS = ['id', 'url', 'alt_text as altText', 'caption', 'credit', 'width', 'height'];

export function createImageLoaders(reader: SqlReader, scope: CacheScope) {
  return {
    byId: new DataLoader<number, ImageRow | null>(async (ids) => {
      scope.objects('Image', ids);
      // Compiled once, as every article page with a picture asks.
      const rows = await reader.compiled<ImageRow, { ids: readonly number[] }>('image.byId', { ids }, (values) => reader.knex('image').select(COLUMNS).whereIn('id', values.ids));
      return oneByKey(ids, asNodes('Image', rows), (row) => row.id);
    }),
  };
}
