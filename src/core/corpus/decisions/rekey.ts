// Split decisions name articles by path. In the decisions file a path is relative to the file's own folder (the
// folder holding `.news-annotator/`), as the CLI keys articles under that folder; a host may key its articles
// otherwise (the editor puts the workspace folder's name first in a multi-root workspace). Rekeying maps those
// paths, and only those, so that a decision keeps naming the same articles when the workspace gains or loses a
// folder.
import type { CorpusDecisions } from '../types';

/** The decisions with every split's article paths passed through `map` (the same object when none changes). */
export function rekeyArticles(decisions: CorpusDecisions, map: (path: string) => string): CorpusDecisions {
  let changed = false;
  const entities = decisions.entities.map(d => {
    if (d.kind !== 'split' || !d.articles) return d;
    const articles = d.articles.map(map);
    if (articles.every((p, i) => p === d.articles![i])) return d;
    changed = true;
    return { ...d, articles };
  });
  return changed ? { ...decisions, entities } : decisions;
}
