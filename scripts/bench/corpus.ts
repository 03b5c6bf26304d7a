// The benchmark's corpus section (issue 11): indexing N articles from up-to-date sidecars vs analysing them, one
// article changing (the corpus work after a save: index, entities, that article's findings) vs rebuilding it all,
// symbol and reference queries, and the index's memory. Figures only; never a timed test. The hash and the sidecar
// parse are the Node hosts' own (node:crypto, parseSidecar as loadSidecar runs it): what the CLI and the editor do.
// The lines of re-indexing from the editor's corpus snapshot are corpusSnapshot.ts's.
import { Analyzer } from '../../src/core/analyze';
import {
  appearsWith,
  cooccurrenceTable,
  CorpusFindings,
  checkCorpus,
  Corpus,
  corpusArticleFromAnalysis,
  corpusArticleFromSidecar,
  findEntities,
  mentionsOf,
  parseSidecar,
  reconcile,
  serializeSidecar,
  type CorpusArticle,
  type CorpusSnapshot,
} from '../../src/core';
import { sha256HexNative } from '../../src/node/hash';
import { corpusChildren } from '../../src/vscode/corpus/treeModel';
import { articlePaths, articlesFrom } from './corpusTexts';
import { sidecarFiles, snapshotLines } from './corpusSnapshot';

const fmt = (x: number, d = 1) => x.toFixed(d);

/** Wall time and this process's CPU time (the figure that holds on a machine shared with other work). */
function time<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000, value };
}
const both = (t: { ms: number; cpu: number }, d = 0) => `${fmt(t.ms, d)} ms (CPU ${fmt(t.cpu, d)} ms)`;

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

export function corpusSection(docs: readonly string[], name: string): void {
  const n = Number(process.env.BENCH_CORPUS_ARTICLES ?? 2000);
  const texts = articlesFrom(docs, n);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const paths = articlePaths(texts.length);
  console.log(`\n11. Corpus of ${texts.length} articles (${chars} characters) made from ${name}`);

  // from nothing: every article analyzed (cache disabled), then indexed
  const analyzer = new Analyzer(0);
  // the baseline of the index's memory: the texts made and the analyzer's models loaded, nothing indexed yet
  analyzer.analyze(texts[0], { keep: false });
  const before = heap();
  const analyses = time(() => texts.map(t => analyzer.analyze(t, { keep: false })));
  // the articles collected, then the index built from them in one call (the build timed apart as well)
  const buildOf = (articles: CorpusArticle[], snapshot?: CorpusSnapshot) =>
    time(() => {
      const c = new Corpus();
      c.setArticles(articles, snapshot);
      c.entities();
      return c;
    });
  let buildFromAnalysis: { ms: number; cpu: number } | undefined;
  const fromAnalysis = time(() => {
    const articles = texts.map((t, i) => corpusArticleFromAnalysis(paths[i], t, sha256HexNative(t), analyses.value[i]));
    const build = buildOf(articles);
    // the timing only: this corpus is not kept (the memory figure is the other one's)
    buildFromAnalysis = { ms: build.ms, cpu: build.cpu };
    return build.value.size;
  });
  let buildFromSidecars: { ms: number; cpu: number } | undefined;
  const indexFromSidecars = (json: readonly string[]) => {
    const articles = texts.map((t, i) => {
      const sidecar = parseSidecar(json[i], paths[i]);
      // the host compares hashes to know the sidecar is up to date: part of the work
      if (sidecar.document.sha256 !== sha256HexNative(t)) throw new Error(`${paths[i]}: stale sidecar`);
      return corpusArticleFromSidecar(paths[i], t, sidecar);
    });
    const build = buildOf(articles);
    buildFromSidecars = { ms: build.ms, cpu: build.cpu };
    return build.value;
  };
  // the sidecars as `annotate` writes them (made here, not timed), then the index built from their text; then they
  // are kept as files for the snapshot's lines (its checks stat them), not in memory: the memory figure is the index's.
  // In a call of its own: a value passed to a call stays in the caller's interpreter register until that register is
  // reused, so the sidecars' text (~30 MiB for 2,000 articles) would still be alive at the measure just below.
  const indexThenWrite = () => {
    const sidecars = texts.map((t, i) => serializeSidecar(reconcile({ text: t, file: paths[i], analysis: analyses.value[i] }).sidecar));
    analyses.value.length = 0;
    return { fromSidecars: time(() => indexFromSidecars(sidecars)), files: sidecarFiles(sidecars) };
  };
  const { fromSidecars, files } = indexThenWrite();
  // the index's own memory: the heap with it built, less the baseline (the texts and models in both)
  const withIndex = heap();
  const fromNothing = { ms: analyses.ms + fromAnalysis.ms, cpu: analyses.cpu + fromAnalysis.cpu };
  console.log(`   index from up-to-date sidecars: ${both(fromSidecars)}; from nothing (analyze + index): ${both(fromNothing)}`);
  console.log(
    `   of which the build (setArticles + entities): ${both(buildFromSidecars!)} from the sidecars' articles, ${both(buildFromAnalysis!)} from the analyses'`,
  );
  console.log(
    `   ratio analysing/sidecars: ${fmt(fromNothing.ms / fromSidecars.ms, 1)}x (CPU ${fmt(fromNothing.cpu / fromSidecars.cpu, 1)}x); ${fromSidecars.value.entities().length} corpus entities`,
  );
  console.log(
    `   memory: ${fmt((withIndex - before) / 2 ** 20, 0)} MiB of heap for the index of ${texts.length} articles (at most: against the heap before any analysis; target < 200 MB; the article texts, ${fmt((chars * 2) / 2 ** 20, 0)} MiB as UTF-16, not counted), ${fmt(withIndex / 2 ** 20, 0)} MiB in all`,
  );
  try {
    snapshotLines({
      texts,
      paths,
      files: files.files,
      index: fromSidecars.value,
      fromNothing,
      fromSidecars: json => time(() => indexFromSidecars(json)),
      build: (articles, snapshot) => buildOf(articles, snapshot).value,
      time,
      both,
      medianOf,
    });
  } finally {
    files.remove();
  }
  changesAndQueries(fromSidecars.value, texts, paths, analyzer);
}

/** After the index is built: the consistency checks, one article saved, the queries. */
function changesAndQueries(corpus: Corpus, texts: readonly string[], paths: readonly string[], analyzer: Analyzer): void {
  // the editor's findings (CorpusFindings): the first update checks every article, a save only those it can affect
  const findings = new CorpusFindings();
  const allFindings = time(() => findings.update(corpus));
  // the same check in steps, as the editor's diagnostics make it (each task ends once it has taken STEP_MS)
  const STEP_MS = 20;
  const stepped = new CorpusFindings();
  const steps: number[] = [];
  for (let done = false; !done;) {
    const t0 = performance.now();
    done = stepped.step(corpus, () => performance.now() - t0 >= STEP_MS) !== undefined;
    steps.push(performance.now() - t0);
  }
  console.log(
    `   consistency checks of the whole corpus: ${both(allFindings)}, ${findings.all().length} findings; in steps of ${STEP_MS} ms as the editor makes them: ${steps.length} steps, the longest ${fmt(Math.max(...steps), 1)} ms, ${fmt(
      steps.reduce((a, b) => a + b, 0),
      0,
    )} ms in all`,
  );

  // one article saved: the corpus work after it (index it again, entities, the findings of the articles it can
  // affect, as the editor's diagnostics update them) vs building everything again
  const k = Math.floor(texts.length / 2);
  const changedText = `${texts[k]}\nVladimir Putin met Recep Tayyip Erdogan in Ankara.\n`;
  const changed: CorpusArticle = corpusArticleFromAnalysis(paths[k], changedText, sha256HexNative(changedText), analyzer.analyze(changedText));
  const original = corpus.article(paths[k])!;
  // a save that changes only counts (the same names: updated in place) and one that adds names (relinked)
  const checked: number[] = [];
  const median = (next: (i: number) => CorpusArticle) => {
    const runs: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const article = next(i);
      runs.push(
        time(() => {
          corpus.setArticle(article);
          corpus.entities();
          checked.push(findings.update(corpus).checked);
        }),
      );
    }
    return medianOf(runs);
  };
  const sameNames = median(() => ({ ...original }));
  const newNames = median(i => (i % 2 === 0 ? changed : { ...original }));
  // checked after the timed saves (the comparison's strings, megabytes of them, would be collected during them)
  if (JSON.stringify(findings.all()) !== JSON.stringify(checkCorpus(corpus))) throw new Error('the findings kept up to date differ from checkCorpus');
  const rebuild = time(() => {
    const c = new Corpus();
    for (const a of corpus.articles()) c.setArticle({ ...a });
    c.entities();
    checkCorpus(c);
  });
  console.log(
    `   one article saved (index, entities, the findings of the articles it can affect; median of 5): ${both(sameNames, 1)} when its names stay the same, ${both(newNames, 1)} when it adds names (${Math.min(...checked)}-${Math.max(...checked)} articles checked again), vs ${both(rebuild)} to rebuild the index and check everything`,
  );

  // the first query after a save (nothing cached for it but the table), then the median of 5
  const top = [...corpus.entities()].sort((a, b) => b.mentions - a.mentions)[0];
  const query = <T>(fn: () => T[]) => {
    const first = time(fn);
    return { first, median: medianOf([0, 1, 2, 3, 4].map(() => time(fn))), hits: first.value.length };
  };
  const symbols = query(() => findEntities(corpus, 'put'));
  const refs = query(() => mentionsOf(corpus, top.id));
  console.log(
    `   workspace symbols "put": ${both(symbols.first, 1)} first, ${both(symbols.median, 1)} median of 5 (${symbols.hits} hits); references of "${top.name}": ${both(refs.first, 1)} first, ${both(refs.median, 1)} median (${refs.hits} mentions)`,
  );

  // the Corpus view after a save: its top level and every type's entities (what a view with each type expanded asks
  // for), without a filter and with one; the tree items the editor then makes of them are not counted
  const view = (filter: string) => {
    const q = { filter, appearsWith: (id: string) => appearsWith(corpus, id) };
    const runs: { ms: number; cpu: number }[] = [];
    let nodes = 0;
    for (let i = 0; i < 5; i++) {
      corpus.setArticle({ ...original });
      runs.push(
        time(() => {
          const roots = corpusChildren(corpus, q);
          nodes = roots.length;
          for (const r of roots) nodes += corpusChildren(corpus, q, r).length;
        }),
      );
    }
    return { ...medianOf(runs), nodes };
  };
  const all = view('');
  const put = view('put');
  console.log(
    `   the Corpus view after a save (its top level and every type expanded; median of 5): ${both(all, 1)} (${all.nodes} nodes), filtered by "put" ${both(put, 1)} (${put.nodes} nodes)`,
  );

  // the co-occurrence of every pair and every entity's "Appears with" (the CLI's corpus report, cooccurrenceTable),
  // and "Appears with" of the entity in most articles as the Corpus view asks for it when that entity is expanded
  const table = time(() => cooccurrenceTable(corpus));
  const widest = [...corpus.entities()].sort((a, b) => b.articles.length - a.articles.length)[0];
  const withWidest = query(() => appearsWith(corpus, widest.id));
  console.log(
    `   co-occurrence of every pair (the CLI's corpus report): ${both(table)}, ${table.value.pairs.length} pairs; "Appears with" of "${widest.name}" (${widest.articles.length} articles): ${both(withWidest.first, 1)} first, ${both(withWidest.median, 1)} median of 5`,
  );
}

/** The median run of an odd number, by wall time and by CPU time separately. */
function medianOf(runs: { ms: number; cpu: number }[]): { ms: number; cpu: number } {
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { ms: mid(runs.map(r => r.ms)), cpu: mid(runs.map(r => r.cpu)) };
}
