import { describe, expect, it } from 'vitest';
import { toDate } from '../../src/database/reader';

// PostgreSQL's timestamps arrive as text (MikroORM leaves them unparsed) and are read digit by digit
// where they have the usual shape; every shape must read as JavaScript's own parser reads it.
describe('toDate', () => {
  it("reads PostgreSQL's timestamp text as JavaScript's parser does, to the millisecond", () => {
    const texts = [
      '2026-11-25 21:21:37.595+00',
      '2026-11-25 21:21:37.5+00',
      '2026-11-25 21:21:37.59+00',
      '2026-11-25 21:21:37.595123+00',
      '2026-11-25 21:21:37+00',
      '1999-12-31 23:59:59.999+00',
      '2024-02-29 00:00:00+00',
      '0100-01-01 00:00:00+00',
      '2026-11-25 21:21:37.595+01',
      '2026-11-25 21:21:37.595-05:30',
      '12345-01-01 00:00:00+00',
    ];
    for (const text of texts) expect(toDate(text).getTime(), text).toBe(new Date(text).getTime());
    expect(toDate('2026-11-25 21:21:37.595+00').toISOString()).toBe('2026-11-25T21:21:37.595Z');
  });

  it('reads SQLite milliseconds, as a number or as digits, and passes Dates through', () => {
    const date = new Date('2026-11-25T21:21:37.595Z');
    expect(toDate(date.getTime()).getTime()).toBe(date.getTime());
    expect(toDate(String(date.getTime())).getTime()).toBe(date.getTime());
    expect(toDate(date)).toBe(date);
  });
});
