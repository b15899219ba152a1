import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/cli/import';
import { ImportedDraftDocument } from '../generated/graphql';
import { useDesk } from '../editorial/support';
import { onPostgres } from '../support/database';

const desk = useDesk();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-import-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
};
const run = (args: string[]) => importFile(desk.t.app.orm, onPostgres ? 'postgresql' : 'sqlite', args);

describe('npm run import: copy from the shell', () => {
  it('imports a Markdown file as a draft and prints its ID and what it found', async () => {
    const file = write('ferry.md', ['## The vote', '', 'The Tarsen ferry will run all winter, the harbour board decided on Monday.', '', '"It is a lifeline," said Mara Quist, who chairs the board.'].join('\n'));
    const output = await run([file, '--headline', 'Ferry to run all winter', '--section', 'world/europe', '--author', 'hana-seo']);
    const id = /Imported draft (\S+):/.exec(output)?.[1];
    expect(output).toContain('1 subheadings, 2 paragraphs');
    expect(output).toContain('"It is a lifeline" (Mara Quist)');
    expect(output).toMatch(/Mara Quist \[PERSON\] mara-quist/);

    const { node } = await desk.contributor.request(ImportedDraftDocument, { id: id! });
    expect(node).toMatchObject({ headline: 'Ferry to run all winter', status: 'DRAFT', section: { path: 'world/europe' }, authors: [{ slug: 'hana-seo' }] });
    expect(node?.__typename === 'Article' && node.quotes.map((quote) => [quote.text, quote.speaker?.slug])).toEqual([['It is a lifeline', 'mara-quist']]);
  });

  it('says what is wrong and saves nothing: bytes that are not UTF-8, empty copy, an unknown section, missing arguments', async () => {
    const latin1 = write('latin1.txt', Buffer.from('Caf\xe9 owner "We are closed," said Ana Lind.\n', 'latin1'));
    await expect(run([latin1, '--headline', 'Cafe', '--section', 'world/europe'])).rejects.toThrow(/Nothing was imported:\n {2}input\.text: The copy is not valid UTF-8/);
    await expect(run([write('empty.txt', ''), '--headline', 'Empty', '--section', 'world/europe'])).rejects.toThrow(/The copy is empty/);
    await expect(run([write('ok.txt', '"Yes," said Ana Lind.'), '--headline', 'Nowhere', '--section', 'sport'])).rejects.toThrow(/No section has the path "sport"\. Sections: business, .*world\/asia/);
    await expect(run([latin1, '--section', 'world/europe'])).rejects.toThrow(/usage: npm run import/);
  });
});
