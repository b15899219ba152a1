import { invalid, Problems, type UserErrorValue } from '../../errors/errors';
import { LIMITS } from '../article/article-editor.service';
import { ImportFormat } from '../article/article.inputs';
import type { StoredBlock } from '../body/body.blocks';
import { markdownInputToBlocks, plainTextToBlocks } from '../body/body.markdown';
import { countWords } from '../body/body.render';
import { TagKind } from '../tag/tag.enums';
import type { TagRow } from '../tag/tag.type';
import { findEntities, type FoundEntity } from './analysis.entities';
import { NameReader } from './analysis.names';
import { findQuotes } from './analysis.quotes';
import type { AnalyzeCopyInput } from './analysis.inputs';
import type { AnalyzedQuoteType, CopyAnalysisType, SuggestedTagType } from './analysis.type';

/** What the analysis needs of the newsroom: its tags by name or alias. */
export interface AnalysisDeps {
  tagsByNameOrAlias: (names: readonly string[]) => Promise<Map<string, TagRow>>;
}

/** The copy's paragraphs and list items, by block, as the analysis reads them. */
export function readableBlocks(blocks: StoredBlock[]): { blockIndex: number; text: string }[] {
  return blocks.flatMap((block, blockIndex) =>
    block.type === 'PARAGRAPH' ? [{ blockIndex, text: block.text }] : block.type === 'LIST' ? block.items.map((text) => ({ blockIndex, text })) : [],
  );
}

/**
 * Reads copy as import will: its blocks, its quotations and who is credited with them, and the
 * people, organizations and places it names, each matched to the newsroom's tag of that name or
 * alias where there is one. Saves nothing.
 */
export class AnalysisService {
  constructor(private readonly deps: AnalysisDeps) {}

  async analyze(input: AnalyzeCopyInput): Promise<{ analysis: CopyAnalysisType | null; userErrors: UserErrorValue[] }> {
    const problems = new Problems();
    const field = ['input', 'text'];
    let blocks: StoredBlock[] | undefined;
    if (!input.text.trim()) problems.add(invalid(field, 'The copy is empty.'));
    else if (input.text.length > LIMITS.markdown) problems.add(invalid(field, `The copy is too long: at most ${LIMITS.markdown} characters.`));
    else blocks = input.format === ImportFormat.MARKDOWN ? markdownInputToBlocks(input.text, field, problems) : plainTextToBlocks(input.text);
    const paragraphs = blocks ? readableBlocks(blocks) : [];
    if (blocks && paragraphs.length === 0 && problems.list.length === 0) problems.add(invalid(field, 'The copy holds no paragraph: only headings or nothing readable.'));
    if (problems.list.length || !blocks) return { analysis: null, userErrors: problems.list };

    const reader = new NameReader();
    const quotes = findQuotes(paragraphs, reader);
    const entities = findEntities(paragraphs.map((paragraph) => paragraph.text), reader);
    // Every speaker and outlet is a tag of its own, named or not elsewhere in the copy.
    const byName = new Map(entities.map((entity) => [entity.name.toLowerCase(), entity]));
    const ensure = (name: string, kind: 'PERSON' | 'ORGANIZATION'): FoundEntity => {
      let entity = byName.get(name.toLowerCase());
      if (!entity) {
        entity = { name, kind, aliases: [], mentions: 1 };
        entities.push(entity);
        byName.set(name.toLowerCase(), entity);
      }
      return entity;
    };
    for (const quote of quotes) {
      if (quote.speakerName) ensure(quote.speakerName, quote.speakerKind ?? 'PERSON');
      if (quote.reportedBy) ensure(quote.reportedBy, 'ORGANIZATION');
    }
    const existing = await this.deps.tagsByNameOrAlias(entities.flatMap((entity) => [entity.name, ...entity.aliases]));
    const suggestions = new Map<FoundEntity, SuggestedTagType>();
    for (const entity of [...entities].sort((a, b) => b.mentions - a.mentions)) {
      const tag = [entity.name, ...entity.aliases].map((name) => existing.get(name)).find(Boolean) ?? null;
      suggestions.set(entity, { name: entity.name, kind: TagKind[entity.kind], aliases: entity.aliases, mentions: entity.mentions, existing: tag });
    }
    const suggestion = (name: string | null) => (name ? suggestions.get(byName.get(name.toLowerCase())!) ?? null : null);
    const analyzed: AnalyzedQuoteType[] = quotes.map((quote) => ({
      text: quote.text,
      blockIndex: quote.blockIndex,
      speakerName: quote.speakerName,
      speaker: suggestion(quote.speakerName),
      reportedBy: suggestion(quote.reportedBy),
    }));
    return {
      analysis: {
        wordCount: countWords(blocks.flatMap((block) => (block.type === 'LIST' ? block.items : 'text' in block ? [block.text] : [])).join('\n')),
        headings: blocks.flatMap((block) => (block.type === 'HEADING' ? [block.text] : [])),
        paragraphs: blocks.filter((block) => block.type === 'PARAGRAPH' || block.type === 'LIST').length,
        quotes: analyzed,
        tags: [...suggestions.values()],
      },
      userErrors: [],
    };
  }
}
