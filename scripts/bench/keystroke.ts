// The benchmark's editor section (issue 14): what the extension does per keystroke in a large analysed article,
// run in Node through the same core session code the editor uses (src/vscode/articles: onEdit -> textChanged on
// every change event; after a pause the debounced re-analysis as the scheduler runs it, in tasks with a yield between
// them: the pending analysis's steps (Analyzer.analyzeSteps, then reconcileSteps) run for about TASK_BUDGET_MS per
// task, then the view derived for the highlights; a save when the file is saved). Each step and task is timed on its
// own, wall and CPU: the longest is the longest the extension host is blocked. Before/after, paired at each pause in
// one run (in alternating order): the same analysis in one task (Analyzer.analyze, as before the steps), on a second
// document of the same Analyzer kept in step with the first, and the same reconcile in one call (reconcile, as before
// its steps) of that analysis with the sidecar the session reconciles with. Figures only.
import { loadavg } from 'node:os';
import { Analyzer } from '../../src/core/analyze';
import { ArticleSession } from '../../src/core/session/session';
import { reconcile } from '../../src/core/sidecar/reconcile';
import type { AnalysisResult } from '../../src/core/types';
import { distinctArticle } from '../../test/support/distinct-article';
import { InMemoryStorage } from '../../test/support/inMemoryStorage';
import { viewOf } from '../../src/vscode/articles/view';
import { TASK_BUDGET_MS } from '../../src/vscode/articles/metrics';

const fmt = (x: number, d = 1) => x.toFixed(d);
/** The CPU time `fn` took (ms): on a shared machine wall time also counts the other processes' turns. */
const cpuTime = (fn: () => unknown): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const cpuSince = (c0: NodeJS.CpuUsage) => {
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
    analyzer: {
      analyze: (text, options) => analyzer.analyze(text, { ...options, document: 'article' }),
      analyzeSteps: (text, options) => analyzer.analyzeSteps(text, { ...options, document: 'article' }),
    },
  });
  await session.load();
  let version = 1;
  const first = time(() => session.analyze(text0, { version }));
  // "before": the same analysis as one task, on a document of its own kept in step (its first analysis is not timed)
  analyzer.analyze(text0, { document: 'one-task' });
  await session.save();
  const sidecarBytes = Buffer.byteLength(storage.writes[storage.writes.length - 1].text);
  // typed at three places: a sentence of ordinary words, then one with a new name (which groups the article again)
  const typed = [' and the talks went on as before, he said', ' and Mr Kowalczyk said so again'];
  const perEvent: number[] = [];
  /** Per debounced re-analysis: its analysis (its steps' tasks), its reconcile (its steps) and its view, in ms. */
  const analyses: [number, number, number][] = [];
  const analysesCpu: [number, number, number][] = [];
  /** Each analysis step, each reconcile step and each task of steps, [wall, CPU] ms; per pause, the tasks it took. */
  const steps: [number, number][] = [];
  const reconcileSteps: [number, number][] = [];
  const stepTasks: [number, number][] = [];
  /** The tasks that ran reconcile steps (some may also have run the analysis's last steps). */
  const reconcileTasks: [number, number][] = [];
  const tasksPerAnalysis: number[] = [];
  const tasksPerReconcile: number[] = [];
  /** "Before": the same analysis, and the same reconcile, each in one task, [wall, CPU] ms. */
  const oneTaskTimes: [number, number][] = [];
  const oneTaskReconciles: [number, number][] = [];
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
        // the sidecar the session reconciles with (nothing changes it until the stepped run below puts its result in)
        const previous = session.sidecar ?? undefined;
        const oneTask = () => {
          let c0 = process.cpuUsage();
          let analysis: AnalysisResult | undefined;
          oneTaskTimes.push([time(() => (analysis = analyzer.analyze(text, { document: 'one-task' }))), cpuSince(c0)]);
          // the same reconcile as the session's (it knows the typed text is not the one last hashed), in one call
          c0 = process.cpuUsage();
          const input = { text, file: 'article.txt', analysis: analysis!, previous, now: new Date().toISOString(), sameText: false };
          oneTaskReconciles.push([time(() => reconcile(input)), cpuSince(c0)]);
        };
        if (analyses.length % 2 === 0) oneTask();
        const pending = session.startAnalysis(text, { version });
        // the scheduler's tasks: steps until TASK_BUDGET_MS have passed, then a yield
        const wall = [0, 0];
        const cpu = [0, 0];
        let taskCount = 0;
        let reconcileTaskCount = 0;
        for (let done = false; !done;) {
          const t0 = process.hrtime.bigint();
          const c0 = process.cpuUsage();
          let reconciling = false;
          do {
            const phase = pending.analyzed ? 1 : 0;
            const s0 = process.hrtime.bigint();
            const sc = process.cpuUsage();
            done = pending.step();
            const one: [number, number] = [Number(process.hrtime.bigint() - s0) / 1e6, cpuSince(sc)];
            (phase === 0 ? steps : reconcileSteps).push(one);
            wall[phase] += one[0];
            cpu[phase] += one[1];
            if (phase === 1) reconciling = true;
          } while (!done && Number(process.hrtime.bigint() - t0) / 1e6 < TASK_BUDGET_MS);
          const task: [number, number] = [Number(process.hrtime.bigint() - t0) / 1e6, cpuSince(c0)];
          stepTasks.push(task);
          if (reconciling) {
            reconcileTasks.push(task);
            reconcileTaskCount++;
          } else taskCount++;
        }
        tasksPerAnalysis.push(taskCount);
        tasksPerReconcile.push(reconcileTaskCount);
        if (pending.finish() === undefined) throw new Error('the pending analysis went stale with nothing in between');
        let viewCpu = 0;
        const view = time(() => (viewCpu = cpuTime(() => viewOf(uri, session.sidecar, version, ['person', 'place', 'organization', 'date']))));
        analyses.push([wall[0], wall[1], view]);
        analysesCpu.push([cpu[0], cpu[1], viewCpu]);
        if (analyses.length % 2 === 0) oneTask();
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
  const median = (xs: number[]) => fmt(quantile(xs, 0.5), 1);
  const longest = (xs: number[]) => fmt(Math.max(...xs), 1);
  const step = (i: number, xs = analyses) => `${median(xs.map(x => x[i]))}/${longest(xs.map(x => x[i]))}`;
  const pair = (xs: [number, number][]) =>
    `wall ${median(xs.map(x => x[0]))}/${longest(xs.map(x => x[0]))}, CPU ${median(xs.map(x => x[1]))}/${longest(xs.map(x => x[1]))}`;
  console.log(
    `   debounced re-analysis after each word: median ${fmt(quantile(totals, 0.5), 1)} ms in all, p99 ${fmt(quantile(totals, 0.99), 1)} ms (${analyses.length} analyses); in all per pause (median/longest ms): analysis ${step(0)} (in ${median(tasksPerAnalysis)} tasks of at most ${TASK_BUDGET_MS} ms of steps, median), reconcile ${step(1)} (in ${median(tasksPerReconcile)} such tasks), view ${step(2)} (one task)`,
  );
  console.log(
    `   the same in CPU time (median/longest ms): analysis ${step(0, analysesCpu)}, reconcile ${step(1, analysesCpu)}, view ${step(2, analysesCpu)} (load average ${fmt(loadavg()[0], 1)})`,
  );
  console.log(
    `   the analysis, paired at each pause (median/longest ms): before, one task: ${pair(oneTaskTimes)}; after, one step: ${pair(steps)} (${steps.length} steps); one task of steps: ${pair(stepTasks.filter(t => !reconcileTasks.includes(t)))}`,
  );
  console.log(
    `   the reconcile, paired at each pause (median/longest ms): before, one task: ${pair(oneTaskReconciles)}; after, one step: ${pair(reconcileSteps)} (${reconcileSteps.length} steps); one task of steps: ${pair(reconcileTasks)}`,
  );
  const tasks = [...analyses.map(([, , v]) => v), ...stepTasks.map(t => t[0])];
  const tasksCpu = [...analysesCpu.map(([, , v]) => v), ...stepTasks.map(t => t[1])];
  console.log(
    `   longest single synchronous task: ${longest([...tasks, ...perEvent])} ms wall, ${longest(tasksCpu)} ms CPU (the analysis: ${longest(stepTasks.filter(t => !reconcileTasks.includes(t)).map(t => t[0]))} ms wall, before the steps ${longest(oneTaskTimes.map(b => b[0]))} ms wall, ${longest(oneTaskTimes.map(b => b[1]))} ms CPU; the reconcile: ${longest(reconcileTasks.map(t => t[0]))} ms wall, ${longest(reconcileTasks.map(t => t[1]))} ms CPU, before the steps ${longest(oneTaskReconciles.map(b => b[0]))} ms wall, ${longest(oneTaskReconciles.map(b => b[1]))} ms CPU) (target: median keystroke < 15 ms, no task over 100 ms; load average ${fmt(loadavg()[0], 1)})`,
  );
  console.log(
    `   sidecar writes: ${afterTyping} for a save after typing, ${unchanged} for a save of the unchanged article (${again === undefined ? 'no re-analysis: already analysed at that version' : `its re-analysis ${fmt(again, 1)} ms`})`,
  );
}
