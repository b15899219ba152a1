import { registerEnumType } from 'type-graphql';

export enum CoverageRelation {
  BACKGROUND = 'BACKGROUND',
  FOLLOW_UP = 'FOLLOW_UP',
  ANALYSIS = 'ANALYSIS',
  EXPLAINER = 'EXPLAINER',
  SEE_ALSO = 'SEE_ALSO',
  SIMILAR = 'SIMILAR',
}

registerEnumType(CoverageRelation, {
  name: 'CoverageRelation',
  description: 'Why a piece of related coverage belongs beside an article.',
  valuesConfig: { SIMILAR: { description: 'Chosen by the service, not by an editor.' } },
});
