import { registerEnumType } from 'type-graphql';

export enum QuoteOrigin {
  ANALYSIS = 'ANALYSIS',
  EDITOR = 'EDITOR',
}

registerEnumType(QuoteOrigin, {
  name: 'QuoteOrigin',
  description: 'Who put a quote on the article: the copy analysis (at import or reanalysis), or an editor.',
  valuesConfig: {
    ANALYSIS: { description: 'Found in the copy by importArticle or reanalyzeArticle; reanalysis may replace it.' },
    EDITOR: { description: 'Added or corrected by an editor; reanalysis keeps it as it is.' },
  },
});
