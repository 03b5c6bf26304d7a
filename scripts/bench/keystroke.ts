// The benchmark's editor section (issue 14): what the extension does per keystroke in a large analysed article,
// run in Node through the same core session code the editor uses (src/vscode/articles: onEdit -> textChanged on
// every change event; after a pause the debounced re-analysis as the scheduler runs it, in three tasks with a yield
// between them: session.startAnalysis, finish (the reconcile), the view derived for the highlights; a save when the
// file is saved). Each task is timed on its own: the longest is the longest the extension host is blocked. Figures only.
import { loadavg } from 'node:os';
import { Analyzer } from '../../src/core/analyze';
import { ArticleSession } from '../../src/core/session/session';
import { distinctArticle } from '../../test/support/distinct-article';
import { InMemoryStorage } from '../../test/support/inMemoryStorage';
import { viewOf } from '../../src/vscode/articles/view';

const fmt = (x: number, d = 1) => x.toFixed(d);
/** The CPU time `fn` took (ms): on a shared machine wall time also counts the other processes' turns. */
const cpuTime = (fn: () => unknown): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/** 10. Typing in a 1.5 MB article: the work per change event, the debounced analysis, and what a save writes. */
export async function keystrokeSection(time: (fn: () => unknown) => number, chars = 1_500_000): Promise<void> {
  const text0 = distinctArticle(chars, 15);
  const storage = new InMemoryStorage();
  const analyzer = new Analyzer();
  const session = new ArticleSession({
    storage,
    sidecarPath: 'article.txt.annotations.json',
    file: 'article.txt',
    // as the editor does: the document's URI names the Analyzer's kept state
    analyzer: { analyze: (text, options) => analyzer.analyze(text, { ...options, document: 'article' }) },
  });
  await session.load();
  let version = 1;
  const first = time(() => session.analyze(text0, { version }));
  await session.save();
  const sidecarBytes = Buffer.byteLength(storage.writes[storage.writes.length - 1].text);
  // typed at three places: a sentence of ordinary words, then one with a new name (which groups the article again)
  const typed = [' and the talks went on as before, he said', ' and Mr Kowalczyk said so again'];
  const perEvent: number[] = [];
  /** Per debounced re-analysis: its three tasks (analysis, reconcile, view), in ms. */
  const analyses: [number, number, number][] = [];
  const analysesCpu: [number, number, number][] = [];
  const uri = { toString: () => 'file:///article.txt' } as Parameters<typeof viewOf>[0];
  let text = text0;
  for (const [p, sentence] of [0.25, 0.5, 0.75].flatMap(q => typed.map(s => [q, s] as const))) {
    let at = text.indexOf('. ', Math.floor(text.length * p)) + 1;
    for (let k = 0; k < sentence.length; k++) {
      text = text.slice(0, at) + sentence[k] + text.slice(at);
      const change = { start: at, end: at, text: sentence[k] };
      at++;
      version++;
      perEvent.push(time(() => session.textChanged(text, [change], version)));
      // a pause after each word: the debounced analysis runs
      if (sentence[k] === ' ' || k === sentence.length - 1) {
        let pending: ReturnType<typeof session.startAnalysis> | undefined;
        const cpu: number[] = [];
        const analysis = time(() => cpu.push(cpuTime(() => (pending = session.startAnalysis(text, { version })))));
        const reconcile = time(() => cpu.push(cpuTime(() => pending!.finish())));
        const view = time(() => cpu.push(cpuTime(() => viewOf(uri, session.sidecar, version, ['person', 'place', 'organization', 'date']))));
        analyses.push([analysis, reconcile, view]);
        analysesCpu.push([cpu[0], cpu[1], cpu[2]]);
      }
    }
  }
  const writes = storage.writes.length;
  await session.save();
  const afterTyping = storage.writes.length - writes;
  // saving again with nothing changed (an auto-save, or the editor's save: analyze, then save)
  const before = storage.writes.length;
  // as the editor's save does: a text already analysed at this version is not analysed again
  const again = session.analyzedAt(version) ? undefined : time(() => session.analyze(text, { version }));
  await session.save();
  const unchanged = storage.writes.length - before;
  console.log(`\n10. Typing in a ${fmt(text0.length / 1e6, 1)}M-character article (generated distinct text) through the editor's session code`);
  console.log(
    `   first analysis ${fmt(first, 0)} ms; sidecar ${fmt(sidecarBytes / 2 ** 20, 1)} MiB (${fmt(sidecarBytes / text0.length, 1)} bytes per character)`,
  );
  console.log(
    `   per change event (spans kept in step, textChanged): median ${fmt(quantile(perEvent, 0.5), 2)} ms, p99 ${fmt(quantile(perEvent, 0.99), 2)} ms, max ${fmt(Math.max(...perEvent), 1)} ms (${perEvent.length} keystrokes)`,
  );
  const totals = analyses.map(([a, r, v]) => a + r + v);
  const tasks = analyses.flat();
  const median = (xs: number[]) => fmt(quantile(xs, 0.5), 1);
  const step = (i: number, xs = analyses) => `${median(xs.map(x => x[i]))}/${fmt(Math.max(...xs.map(x => x[i])), 1)}`;
  console.log(
    `   debounced re-analysis after each word: median ${fmt(quantile(totals, 0.5), 1)} ms in all, p99 ${fmt(quantile(totals, 0.99), 1)} ms (${analyses.length} analyses); as three tasks (median/longest ms): analysis ${step(0)}, reconcile ${step(1)}, view ${step(2)}`,
  );
  console.log(
    `   the same in CPU time (median/longest ms): analysis ${step(0, analysesCpu)}, reconcile ${step(1, analysesCpu)}, view ${step(2, analysesCpu)} (load average ${fmt(loadavg()[0], 1)})`,
  );
  console.log(`   longest single synchronous task: ${fmt(Math.max(...tasks, ...perEvent), 1)} ms (target: median keystroke < 15 ms, no task over 100 ms)`);
  console.log(
    `   sidecar writes: ${afterTyping} for a save after typing, ${unchanged} for a save of the unchanged article (${again === undefined ? 'no re-analysis: already analysed at that version' : `its re-analysis ${fmt(again, 1)} ms`})`,
  );
}
