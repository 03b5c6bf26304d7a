// The benchmark's corpus section (issue 11): indexing N articles from up-to-date sidecars vs analysing them, one
// article changing (the corpus work after a save: index, entities, that article's findings) vs rebuilding it all,
// symbol and reference queries, and the index's memory. Figures only; never a timed test.
import { Analyzer } from '../../src/core/analyze';
import {
  checkArticle,
  checkCorpus,
  Corpus,
  corpusArticleFromAnalysis,
  corpusArticleFromSidecar,
  findEntities,
  mentionsOf,
  parseSidecar,
  reconcile,
  serializeSidecar,
  sha256Hex,
  type CorpusArticle,
} from '../../src/core';
import { distinctDocuments } from './scale';

const fmt = (x: number, d = 1) => x.toFixed(d);

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** N articles of distinct text made from `docs` (the CoNLL development documents and the seeds). */
function articlesFrom(docs: readonly string[], n: number): string[] {
  const average = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  return distinctDocuments(docs, Math.ceil(n * average * 1.05)).slice(0, n);
}

export function corpusSection(docs: readonly string[], name: string): void {
  const n = Number(process.env.BENCH_CORPUS_ARTICLES ?? 2000);
  const texts = articlesFrom(docs, n);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const paths = texts.map((_, i) => `story/${String(i).padStart(5, '0')}.txt`);
  console.log(`\n10. Corpus of ${texts.length} articles (${chars} characters) made from ${name}`);

  // from nothing: every article analyzed (cache disabled), then indexed
  const analyzer = new Analyzer(0);
  const analyses = time(() => texts.map(t => analyzer.analyze(t, { keep: false })));
  const fromAnalysis = time(() => {
    const c = new Corpus();
    texts.forEach((t, i) => c.setArticle(corpusArticleFromAnalysis(paths[i], t, sha256Hex(t), analyses.value[i])));
    c.entities();
    return c.size;
  });
  // the sidecars as `annotate` writes them (made here, not timed), then the index built from their text
  let sidecars: string[] | undefined = texts.map((t, i) => serializeSidecar(reconcile({ text: t, file: paths[i], analysis: analyses.value[i] }).sidecar));
  analyses.value.length = 0;
  const fromSidecars = time(() => {
    const c = new Corpus();
    texts.forEach((t, i) => {
      const sidecar = parseSidecar(sidecars![i], paths[i]);
      // the host compares hashes to know the sidecar is up to date: part of the work
      if (sidecar.document.sha256 !== sha256Hex(t)) throw new Error(`${paths[i]}: stale sidecar`);
      c.setArticle(corpusArticleFromSidecar(paths[i], t, sidecar));
    });
    c.entities();
    return c;
  });
  const corpus = fromSidecars.value;
  sidecars = undefined;
  const withIndex = heap();
  const fromNothing = analyses.ms + fromAnalysis.ms;
  console.log(`   index from up-to-date sidecars: ${fmt(fromSidecars.ms, 0)} ms; from nothing (analyze + index): ${fmt(fromNothing, 0)} ms`);
  console.log(`   ratio analysing/sidecars: ${fmt(fromNothing / fromSidecars.ms, 1)}x; ${corpus.entities().length} corpus entities`);
  console.log(`   memory: ${fmt(withIndex / 2 ** 20, 0)} MiB of heap in all with the index built (article texts included: ${fmt((chars * 2) / 2 ** 20, 0)} MiB as UTF-16)`);

  const allFindings = time(() => checkCorpus(corpus));
  console.log(`   consistency checks of the whole corpus: ${fmt(allFindings.ms, 0)} ms, ${allFindings.value.length} findings`);

  // one article saved: the corpus work after it (index it again, entities, its findings) vs building everything again
  const k = Math.floor(texts.length / 2);
  const changedText = `${texts[k]}\nVladimir Putin met Recep Tayyip Erdogan in Ankara.\n`;
  const changed: CorpusArticle = corpusArticleFromAnalysis(paths[k], changedText, sha256Hex(changedText), analyzer.analyze(changedText));
  const original = corpus.article(paths[k])!;
  const updates: number[] = [];
  for (let i = 0; i < 5; i++) {
    updates.push(
      time(() => {
        corpus.setArticle(i % 2 === 0 ? changed : { ...original });
        corpus.entities();
        checkArticle(corpus, paths[k]);
      }).ms,
    );
  }
  updates.sort((a, b) => a - b);
  const rebuild = time(() => {
    const c = new Corpus();
    for (const a of corpus.articles()) c.setArticle({ ...a });
    c.entities();
    checkCorpus(c);
  });
  console.log(
    `   one article changed: ${fmt(updates[2], 1)} ms median of 5 (index, entities, its findings) vs ${fmt(rebuild.ms, 0)} ms to rebuild the index and check everything (${fmt(rebuild.ms / updates[2], 0)}x)`,
  );

  const top = [...corpus.entities()].sort((a, b) => b.mentions - a.mentions)[0];
  const symbols = time(() => findEntities(corpus, 'put'));
  const refs = time(() => mentionsOf(corpus, top.id));
  console.log(
    `   workspace symbols "put": ${fmt(symbols.ms, 1)} ms (${symbols.value.length} hits); references of "${top.name}": ${fmt(refs.ms, 1)} ms (${refs.value.length} mentions)`,
  );
}
