/**
 * How an article's body is stored: a JSON array of blocks. Paragraphs keep their sanitized inline
 * HTML beside the plain text so reads never re-render Markdown; quotes and images are referenced by
 * id so that they stay first-class rows (quotes by speaker, image credits).
 */
export type StoredBlock =
  | { type: 'PARAGRAPH'; text: string; html: string }
  | { type: 'HEADING'; text: string; level: number }
  | { type: 'QUOTE'; quoteId: number }
  | { type: 'IMAGE'; imageId: number }
  | { type: 'LIST'; ordered: boolean; items: string[] };

export type StoredBlockType = StoredBlock['type'];

/** A body's paragraphs and list items (each item apart), with the block each stands in, as the copy analysis reads them. */
export function readableBlocks(blocks: StoredBlock[]): { blockIndex: number; text: string }[] {
  return blocks.flatMap((block, blockIndex) =>
    block.type === 'PARAGRAPH' ? [{ blockIndex, text: block.text }] : block.type === 'LIST' ? block.items.map((text) => ({ blockIndex, text })) : [],
  );
}

/** The words a paragraph or list holds, where quotes are found (a list's items a line each); null for other blocks. */
export function quotableText(block: StoredBlock | undefined): string | null {
  return block?.type === 'PARAGRAPH' ? block.text : block?.type === 'LIST' ? block.items.join('\n') : null;
}
