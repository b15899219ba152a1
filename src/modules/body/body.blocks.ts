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
