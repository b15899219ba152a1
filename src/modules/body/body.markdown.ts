import type { MarkedToken, Token, Tokens } from 'marked' with { 'resolution-mode': 'import' };
import sanitizeHtml from 'sanitize-html';
import { invalid, type Problems } from '../../errors/errors';
import type { StoredBlock } from './body.blocks';
import { escapeHtml, sanitizeInlineHtml } from './body.sanitize';

// marked 18 is ESM-only; require() of ESM (Node >= 20.19) keeps markdownToBlocks synchronous under tsc's Node16 CommonJS.
const { getDefaults, Lexer, Parser } = require('marked') as typeof import('marked', { with: { 'resolution-mode': 'import' } });

type Paragraph = Extract<StoredBlock, { type: 'PARAGRAPH' }>;

/** Fresh default options, so extensions registered on the global `marked` elsewhere never reach stored bodies. */
const options = () => getDefaults();

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

/** Plain text of sanitized inline HTML: its only tags are the allowed ones and its only entities &amp; &lt; &gt; &quot;. */
function inlineText(safeHtml: string): string {
  return safeHtml
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<br \/>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ENTITIES[name])
    .trim();
}

/** Paragraph from inline tokens, or null when nothing readable is left after sanitizing. */
function paragraphFromInline(tokens: Token[]): Paragraph | null {
  const html = sanitizeInlineHtml(Parser.parseInline(tokens, options())).trim();
  const text = inlineText(html);
  return text ? { type: 'PARAGRAPH', text, html } : null;
}

/** Paragraph holding only the text content of raw HTML (script/style contents dropped). */
function paragraphFromHtmlBlock(raw: string): Paragraph | null {
  // Block-level tags separate words even though the tags themselves go.
  const spaced = raw.replace(/<\/?(?:p|div|br|li|tr|td|th|h[1-6]|section|article|blockquote|pre|hr|table|ul|ol)\b/gi, ' $&');
  const text = inlineText(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })).replace(/\s+/g, ' ');
  return text ? { type: 'PARAGRAPH', text, html: escapeHtml(text) } : null;
}

/** Plain text of one list item; nested lists are returned separately so the caller can flatten them. */
function listItemText(item: Tokens.ListItem): { text: string; nested: Tokens.List[] } {
  const parts: string[] = [];
  const nested: Tokens.List[] = [];
  for (const token of item.tokens as MarkedToken[]) {
    if (token.type === 'list') nested.push(token);
    else if ('tokens' in token && token.tokens) parts.push(inlineText(sanitizeInlineHtml(Parser.parseInline(token.tokens, options()))));
  }
  return { text: parts.filter(Boolean).join(' '), nested };
}

/** List items as plain text, nested lists flattened in reading order. */
function listItems(list: Tokens.List): string[] {
  return list.items.flatMap((item) => {
    const { text, nested } = listItemText(item);
    return [...(text ? [text] : []), ...nested.flatMap(listItems)];
  });
}

/** Stored blocks for a run of block-level tokens. */
function blocksFromTokens(tokens: Token[]): StoredBlock[] {
  const blocks: StoredBlock[] = [];
  const push = (block: StoredBlock | null) => {
    if (block) blocks.push(block);
  };
  // Default options only ever produce the built-in token types.
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case 'heading': {
        const text = inlineText(sanitizeInlineHtml(Parser.parseInline(token.tokens, options())));
        if (text) blocks.push({ type: 'HEADING', text, level: Math.min(4, Math.max(2, token.depth)) });
        break;
      }
      case 'paragraph':
      case 'text':
        push(paragraphFromInline(token.tokens ?? []));
        break;
      case 'list': {
        const items = listItems(token);
        if (items.length) blocks.push({ type: 'LIST', ordered: token.ordered, items });
        break;
      }
      case 'blockquote':
        blocks.push(...blocksFromTokens(token.tokens));
        break;
      case 'code': {
        if (token.text.trim()) {
          const html = sanitizeInlineHtml(`<code>${escapeHtml(token.text).replace(/\n/g, '<br>')}</code>`);
          blocks.push({ type: 'PARAGRAPH', text: token.text, html });
        }
        break;
      }
      case 'html':
        push(paragraphFromHtmlBlock(token.raw));
        break;
      case 'table': {
        // One paragraph per row, cells separated by " | ", so tabular copy is not lost.
        for (const row of [token.header, ...token.rows]) {
          push(paragraphFromInline(row.flatMap((cell, i) => [...(i ? [{ type: 'text', raw: ' | ', text: ' | ' }] : []), ...cell.tokens])));
        }
        break;
      }
      // space, hr, def (link definitions): nothing to store.
    }
  }
  return blocks;
}

/**
 * How deep marked's tokens may nest (quotes in quotes, lists in lists, emphasis in emphasis; a list
 * level is two, the list and its item). No story comes near; marked and the walk above recurse once a
 * level, so copy some thousands deep would overflow the stack, and a fixed limit refuses the same copy
 * however much stack a request has left.
 */
export const MAX_MARKDOWN_NESTING = 100;

/** Markdown that nests too deeply to read: markdownToBlocks throws it, the editor answers it as INVALID. */
export class MarkdownTooDeep extends Error {
  constructor() {
    super('The copy nests too deeply: quotes, lists or emphasis sit inside each other dozens of levels deep. Keep to a few levels.');
    this.name = 'MarkdownTooDeep';
  }
}

/** The deepest nesting of a token tree, walked without recursion. */
function nestingOf(tokens: Token[]): number {
  let deepest = 0;
  const pending: [Token[], number][] = [[tokens, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [children, depth] = next;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_MARKDOWN_NESTING) break;
    for (const token of children as MarkedToken[]) {
      if ('tokens' in token && token.tokens?.length) pending.push([token.tokens, depth + 1]);
      if (token.type === 'list') pending.push([token.items, depth + 1]);
      if (token.type === 'table') for (const cell of [...token.header, ...token.rows.flat()]) pending.push([cell.tokens, depth + 1]);
    }
  }
  return deepest;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Converts editor Markdown into stored blocks: headings levelled 2..4, inline HTML sanitized, raw HTML
 * reduced to text. Throws MarkdownTooDeep for copy nested deeper than MAX_MARKDOWN_NESTING.
 */
export function markdownToBlocks(markdown: string): StoredBlock[] {
  try {
    const tokens = Lexer.lex(markdown, options());
    if (nestingOf(tokens) > MAX_MARKDOWN_NESTING) throw new MarkdownTooDeep();
    return blocksFromTokens(tokens);
  } catch (error) {
    // marked recurses once a level while it reads: copy deep enough runs out of stack before the check.
    if (isStackOverflow(error)) throw new MarkdownTooDeep();
    throw error;
  }
}

/** markdownToBlocks for a mutation input: copy nested too deeply is an INVALID problem at `field`, and no blocks. */
export function markdownInputToBlocks(markdown: string, field: string[], problems: Problems): StoredBlock[] | undefined {
  try {
    return markdownToBlocks(markdown);
  } catch (error) {
    if (!(error instanceof MarkdownTooDeep)) throw error;
    problems.add(invalid(field, error.message));
    return undefined;
  }
}

/** Closing punctuation that marks a line as prose rather than a subheading. */
const CLOSING_PUNCTUATION = /[.!?:;,"”'’…)\]]$/;

/** Converts wire copy (one paragraph a line) into stored blocks, spotting subheadings. */
export function plainTextToBlocks(text: string): StoredBlock[] {
  const blocks: StoredBlock[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const words = line.split(/\s+/).length;
    // Subheading: at most 12 words and 100 characters, holds a letter, and does not end in closing punctuation.
    if (words <= 12 && line.length <= 100 && /\p{L}/u.test(line) && !CLOSING_PUNCTUATION.test(line)) {
      blocks.push({ type: 'HEADING', text: line, level: 2 });
    } else {
      blocks.push({ type: 'PARAGRAPH', text: line, html: escapeHtml(line) });
    }
  }
  return blocks;
}

/**
 * Copy to import or analyse, read as body blocks: PLAIN is wire copy (plainTextToBlocks), MARKDOWN is
 * Markdown. Empty copy, copy over `maxLength` characters, Markdown nested too deeply, and copy with
 * no paragraph or list (only subheadings) are INVALID at `field`, and give undefined.
 */
export function copyToBlocks(text: string, markdown: boolean, field: string[], problems: Problems, maxLength: number): StoredBlock[] | undefined {
  if (!text.trim()) {
    problems.add(invalid(field, 'The copy is empty.'));
    return undefined;
  }
  if (text.length > maxLength) {
    problems.add(invalid(field, `The copy is too long: at most ${maxLength} characters.`));
    return undefined;
  }
  // U+FFFD is what a decoder leaves of bytes that were not UTF-8: copy holding it was read in the wrong encoding.
  const broken = text.indexOf('\uFFFD');
  if (broken >= 0) {
    problems.add(invalid(field, `The copy is not valid UTF-8: it holds a replacement character (U+FFFD) at character ${broken}. Save it as UTF-8 and send it again.`));
    return undefined;
  }
  const blocks = markdown ? markdownInputToBlocks(text, field, problems) : plainTextToBlocks(text);
  if (blocks && !blocks.some((block) => block.type === 'PARAGRAPH' || block.type === 'LIST')) {
    problems.add(invalid(field, 'The copy holds no paragraph: only headings or nothing readable.'));
    return undefined;
  }
  return blocks;
}
