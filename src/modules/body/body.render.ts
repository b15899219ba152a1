import type { StoredBlock } from './body.blocks';
import { slugify } from '../route/slug';
import { escapeHtml } from './body.sanitize';

export interface TocEntry {
  text: string;
  level: number;
  anchor: string;
}

export interface QuoteForRender {
  text: string;
  speakerName: string;
}

export interface ImageForRender {
  url: string;
  altText: string;
  caption?: string | null;
  credit?: string | null;
}

/** Resolves the quote and image rows a body refers to by id. */
export interface BodyLookup {
  quote(id: number): QuoteForRender | undefined;
  image(id: number): ImageForRender | undefined;
}

export interface BodyRun {
  heading: { block: StoredBlock & { type: 'HEADING' }; anchor: string } | null;
  blocks: StoredBlock[];
  start: number;
  end: number;
}

/** Stable, unique fragment ids for the body's headings, in order, so links to sections survive re-renders. */
export function headingAnchors(blocks: StoredBlock[]): string[] {
  const used = new Set<string>();
  const anchors: string[] = [];
  for (const block of blocks) {
    if (block.type !== 'HEADING') continue;
    const base = slugify(block.text) || 'section';
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    anchors.push(anchor);
  }
  return anchors;
}

/** The body's headings with their anchors, for a table of contents. */
export function tableOfContents(blocks: StoredBlock[]): TocEntry[] {
  const anchors = headingAnchors(blocks);
  return blocks
    .filter((block): block is StoredBlock & { type: 'HEADING' } => block.type === 'HEADING')
    .map((block, i) => ({ text: block.text, level: block.level, anchor: anchors[i] }));
}

/** Whether a URL is http(s) or relative; control characters and whitespace that browsers ignore are ignored here too. */
function isSafeUrl(url: string): boolean {
  const probe = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return probe !== '' && (/^https?:/i.test(probe) || !/^[a-z][a-z0-9+.-]*:/i.test(probe));
}

/** Heading level usable as a tag name: 2..4, whatever was stored. */
function headingLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(4, Math.max(2, level)) : 2;
}

/** Non-blank trimmed strings only. */
function present(...values: (string | null | undefined)[]): string[] {
  return values.map((value) => value?.trim() ?? '').filter(Boolean);
}

/** Renders a stored body as HTML; quotes and images come from `lookup`, and blocks it cannot resolve are skipped. */
export function renderHtml(blocks: StoredBlock[], lookup: BodyLookup): string {
  const anchors = headingAnchors(blocks);
  let headingIndex = 0;
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'PARAGRAPH':
        // Stored html was sanitized on write (sanitizeInlineHtml).
        parts.push(`<p>${block.html}</p>`);
        break;
      case 'HEADING': {
        const tag = `h${headingLevel(block.level)}`;
        parts.push(`<${tag} id="${escapeHtml(anchors[headingIndex++])}">${escapeHtml(block.text)}</${tag}>`);
        break;
      }
      case 'LIST': {
        const tag = block.ordered ? 'ol' : 'ul';
        parts.push(`<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'QUOTE': {
        const quote = lookup.quote(block.quoteId);
        if (!quote) break;
        const footer = present(quote.speakerName).map((name) => `<footer>${escapeHtml(name)}</footer>`);
        parts.push(`<blockquote><p>${escapeHtml(quote.text)}</p>${footer.join('')}</blockquote>`);
        break;
      }
      case 'IMAGE': {
        const image = lookup.image(block.imageId);
        if (!image || !isSafeUrl(image.url)) break;
        const caption = present(image.caption).map(escapeHtml);
        const credit = present(image.credit).map((text) => `<span class="credit">${escapeHtml(text)}</span>`);
        const captionHtml = [...caption, ...credit].join(' ');
        const figcaption = captionHtml ? `<figcaption>${captionHtml}</figcaption>` : '';
        parts.push(`<figure><img src="${escapeHtml(image.url.trim())}" alt="${escapeHtml(image.altText)}">${figcaption}</figure>`);
        break;
      }
    }
  }
  return parts.join('\n');
}

/** Renders a stored body as plain text (feeds, word counts): blocks separated by a blank line. */
export function renderText(blocks: StoredBlock[], lookup: BodyLookup): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'PARAGRAPH':
      case 'HEADING':
        parts.push(block.text);
        break;
      case 'LIST':
        parts.push(block.items.map((item) => `- ${item}`).join('\n'));
        break;
      case 'QUOTE': {
        const quote = lookup.quote(block.quoteId);
        if (quote) parts.push([`"${quote.text}"`, ...present(quote.speakerName)].join(' — '));
        break;
      }
      case 'IMAGE': {
        // An image reads as its caption followed by its credit.
        const image = lookup.image(block.imageId);
        const caption = image ? present(image.caption, image.credit) : [];
        if (caption.length) parts.push(caption.join(' '));
        break;
      }
    }
  }
  return parts.join('\n\n');
}

/** Words: runs of letters/digits (with combining marks); ' ’ and hyphens between two such runs, and . or , between two digits, stay inside one word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['’\-‐‑]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Counts words the way an editor would: "don’t", "stop-loss" and "1,133" are one word each. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Minutes to read at 230 words a minute, rounded up, never less than 1. */
export function readingTimeMinutes(words: number): number {
  return words > 0 ? Math.ceil(words / 230) : 1;
}

/** Splits a body into runs: the opening before the first heading (when not empty), then one run per heading of any level. */
export function bodyRuns(blocks: StoredBlock[]): BodyRun[] {
  const anchors = headingAnchors(blocks);
  const runs: BodyRun[] = [];
  let headingCount = 0;
  let current: BodyRun = { heading: null, blocks: [], start: 0, end: 0 };
  blocks.forEach((block, index) => {
    if (block.type === 'HEADING') {
      if (current.heading || current.blocks.length) runs.push(current);
      current = { heading: { block, anchor: anchors[headingCount++] }, blocks: [], start: index + 1, end: index + 1 };
    } else {
      current.blocks.push(block);
      current.end = index + 1;
    }
  });
  if (current.heading || current.blocks.length) runs.push(current);
  return runs;
}
