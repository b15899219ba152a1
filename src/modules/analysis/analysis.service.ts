import { Problems, type UserErrorValue } from '../../errors/errors';
import { LIMITS } from '../article/article.limits';
import { ImportFormat } from '../article/article.inputs';
import { readableBlocks, type StoredBlock } from '../body/body.blocks';
import { copyToBlocks } from '../body/body.markdown';
import { countWords } from '../body/body.render';
import { TagKind } from '../tag/tag.enums';
import type { TagRow } from '../tag/tag.type';
import { findEntities, type FoundEntity } from './analysis.entities';
import { NameReader } from './analysis.names';
import { findQuotes, type FoundQuote } from './analysis.quotes';
import type { AnalyzeCopyInput } from './analysis.inputs';
import type { AnalyzedQuoteType, CopyAnalysisType, SuggestedTagType } from './analysis.type';

/** What the analysis needs of the newsroom: its tags by name or alias. */
export interface AnalysisDeps {
  tagsByNameOrAlias: (names: readonly string[]) => Promise<Map<string, TagRow>>;
}

/** The most tags import puts on a draft: speakers and outlets first, then the most named. */
const MAX_FOUND_TAGS = 30;

/** What the analysis read in a body: its quotations, and the people, organizations and places it names. */
export interface CopyReading {
  quotes: FoundQuote[];
  /** Most named first; every speaker and outlet is among them. */
  entities: FoundEntity[];
  /** The entity a quote's speakerName or reportedBy names. */
  entityNamed(name: string | null): FoundEntity | null;
  /** The entities import tags the draft with (at most MAX_FOUND_TAGS): speakers and outlets, then the most named. */
  tagged(): FoundEntity[];
}

/** Reads a body's quotations and names; pure and synchronous, so import runs it inside its transaction. */
export function readCopy(blocks: StoredBlock[]): CopyReading {
  const paragraphs = readableBlocks(blocks);
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
  const credited = new Set<FoundEntity>();
  for (const quote of quotes) {
    if (quote.speakerName) credited.add(ensure(quote.speakerName, quote.speakerKind ?? 'PERSON'));
    if (quote.reportedBy) credited.add(ensure(quote.reportedBy, 'ORGANIZATION'));
  }
  entities.sort((a, b) => b.mentions - a.mentions);
  return {
    quotes,
    entities,
    entityNamed: (name) => (name ? byName.get(name.toLowerCase()) ?? null : null),
    tagged: () => [...credited, ...entities.filter((entity) => !credited.has(entity))].slice(0, MAX_FOUND_TAGS),
  };
}

/**
 * Reads copy as import will: its blocks, its quotations and who is credited with them, and the
 * people, organizations and places it names, each matched to the newsroom's tag of that name or
 * alias where there is one. Saves nothing.
 */
export class AnalysisService {
  constructor(private readonly deps: AnalysisDeps) {}

  /** The copy an editor sent, as body blocks; problems at input.text when it cannot be read (copyToBlocks). */
  blocksOf(text: string, format: ImportFormat | null | undefined, problems: Problems): StoredBlock[] | undefined {
    return copyToBlocks(text, format === ImportFormat.MARKDOWN, ['input', 'text'], problems, LIMITS.markdown);
  }

  /** What import and reanalysis make of a body (readCopy). */
  read(blocks: StoredBlock[]): CopyReading {
    return readCopy(blocks);
  }

  async analyze(input: AnalyzeCopyInput): Promise<{ analysis: CopyAnalysisType | null; userErrors: UserErrorValue[] }> {
    const problems = new Problems();
    const blocks = this.blocksOf(input.text, input.format, problems);
    if (problems.list.length || !blocks) return { analysis: null, userErrors: problems.list };

    const reading = readCopy(blocks);
    const existing = await this.deps.tagsByNameOrAlias(reading.entities.flatMap((entity) => [entity.name, ...entity.aliases]));
    const suggestions = new Map<FoundEntity, SuggestedTagType>();
    for (const entity of reading.entities) {
      const tag = [entity.name, ...entity.aliases].map((name) => existing.get(name)).find(Boolean) ?? null;
      suggestions.set(entity, { name: entity.name, kind: TagKind[entity.kind], aliases: entity.aliases, mentions: entity.mentions, existing: tag });
    }
    const suggestion = (name: string | null) => {
      const entity = reading.entityNamed(name);
      return entity ? suggestions.get(entity)! : null;
    };
    const analyzed: AnalyzedQuoteType[] = reading.quotes.map((quote) => ({
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
