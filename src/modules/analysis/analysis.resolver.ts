import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Role, requireRole } from '../../auth/viewer';
import type { Context } from '../../context';
import { AnalyzeCopyInput } from './analysis.inputs';
import { CopyAnalysisPayload } from './analysis.type';

@Resolver()
export class AnalysisResolver {
  @Query(() => CopyAnalysisPayload, {
    description: 'What importArticle would make of a piece of copy (its quotes and their speakers, and the tags it names), saving nothing, so a CMS can show the editor first. Needs a CONTRIBUTOR token.',
  })
  analyzeCopy(@Arg('input', () => AnalyzeCopyInput, { description: 'The copy and how it is written.' }) input: AnalyzeCopyInput, @Ctx() context: Context): Promise<CopyAnalysisPayload> {
    requireRole(context.viewer, Role.CONTRIBUTOR, 'analyzeCopy');
    return context.analysis.analyze(input);
  }
}
