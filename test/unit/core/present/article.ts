// Snapshots for the presentation tests: a real analysis of a short article, as the editor's view would hold it.
import { analyze, type AnalyzeOptions, type Annotation, type ArticleSnapshot } from '../../../../src/core';

export const NEWS =
  'Vladimir Putin met reporters in Moscow on Tuesday.\nLater, Putin said the talks were useful.\r\n' +
  'Gazprom, the state company, agreed on 24 November 2015.\n';

export interface AnalyzedArticle extends ArticleSnapshot {
  text: string;
  annotations: Annotation[];
}

export function analyzed(text: string, options: AnalyzeOptions = {}): AnalyzedArticle {
  const r = analyze(text, options);
  return { text, annotations: r.annotations, entities: r.entities, referenceDate: r.referenceDate, orphans: [] };
}

/** The one annotation with this text (the test fails when there is not exactly one). */
export function only(article: ArticleSnapshot, text: string, nth = 0): Annotation {
  const found = article.annotations.filter(a => a.text === text);
  if (!found[nth]) throw new Error(`no annotation #${nth} "${text}" in ${JSON.stringify(article.annotations.map(a => a.text))}`);
  return found[nth];
}
