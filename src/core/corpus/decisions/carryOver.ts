// "Every article" corrections as input to the analysis: retyped and accepted names become a lexicon (the user
// lexicon's rules: the name wins over the model, on span and type); rejected names are taken out of the result.
import type { AnalysisResult, Lexicon } from '../../types';
import { displayName } from '../names';
import type { CorpusDecisions } from '../types';

/** The retype and accept corrections as a lexicon, to merge over the user lexicon (the corrections win). */
export function correctionsLexicon(decisions: CorpusDecisions): Lexicon {
  throw new Error('not implemented yet');
}

/** The names the user rejected in every article (display form: spaces collapsed, case kept). */
export function rejectedNames(decisions: CorpusDecisions): string[] {
  throw new Error('not implemented yet');
}

/**
 * The analysis without the mentions of rejected names (compared with spaces collapsed, case kept, as the lexicon
 * compares) and without the entities left with no mention. Other ids are kept. Pure.
 */
export function withoutRejectedNames(result: AnalysisResult, names: readonly string[]): AnalysisResult {
  throw new Error('not implemented yet');
}
