// "Every article" corrections as input to the analysis: retyped and accepted names become a lexicon (the user
// lexicon's rules: the name wins over the model, on span and type); rejected names are taken out of the result, so
// re-analysis and new text never bring them back.
import type { AnalysisResult, AnnotationType, Lexicon } from '../../types';
import { displayName } from '../names';
import type { CorpusDecisions } from '../types';

/** The retype and accept corrections as a lexicon, to spread over the user lexicon (the corrections win). */
export function correctionsLexicon(decisions: CorpusDecisions): Lexicon {
  const out: Record<string, AnnotationType> = {};
  for (const c of decisions.corrections) if (c.action !== 'reject') out[displayName(c.name)] = c.type;
  return out;
}

/** The names the user rejected in every article (display form: spaces collapsed, case kept). */
export function rejectedNames(decisions: CorpusDecisions): string[] {
  return decisions.corrections.filter(c => c.action === 'reject').map(c => displayName(c.name));
}

/**
 * The analysis without the person/place/organization mentions of rejected names (compared with spaces collapsed,
 * case kept, as the lexicon compares), without the entities left with no mention, and without the rejected names
 * among the others' aliases. Other ids are kept. Pure: returns `result` itself when nothing is rejected.
 */
export function withoutRejectedNames(result: AnalysisResult, names: readonly string[]): AnalysisResult {
  if (names.length === 0) return result;
  const rejected = new Set(names.map(displayName));
  const annotations = result.annotations.filter(a => a.entity === undefined || !rejected.has(displayName(a.text)));
  if (annotations.length === result.annotations.length) return result;
  const used = new Set(annotations.map(a => a.entity).filter(e => e !== undefined));
  const entities = result.entities
    .filter(e => used.has(e.id))
    .map(e => {
      const aliases = e.aliases.filter(a => !rejected.has(displayName(a)));
      if (aliases.length === e.aliases.length) return e;
      const name = rejected.has(displayName(e.name)) ? aliases.reduce((best, a) => (a.length > best.length ? a : best), aliases[0]) : e.name;
      return { ...e, name, aliases };
    });
  return { ...result, annotations, entities };
}
