// The benchmark's section 12 (`npm run bench`, `npm run bench:editor` alone): the corpus index in the real editor
// (code-server and headless Chromium, as the integration tests run it), against `news-annotator annotate` on the same
// folder. The bench's corpus (2,000 articles, BENCH_CORPUS_ARTICLES) is written to a throw-away workspace; `annotate`
// is run on it RUNS times from nothing (its sidecars removed before each; the last run's are kept, dated an hour back
// as a user's would be); then three editor sessions over it time the index (./editor/index.ts): a session's first
// index from nothing, from the sidecars and from the corpus snapshot, and in the second session re-opening the
// workspace from each, RUNS times. Medians, side by side, with ratios.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
// @ts-expect-error: a plain ES module of the test harness (no types)
import { bundleHostCode, prepareEditor, root, session } from '../../test/integration/harness.mjs';
import { articlePaths, articlesFrom } from './corpusTexts';
import { fmt, median, runNode, writeUsageProbe } from './processRuns';

const RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 3);

/** How a session's first index read the workspace (the index's own count and time: IndexingCounts and ms). */
interface Opening {
  ms: number;
  snapshot: number;
  sidecar: number;
  analyzed: number;
  editor: number;
  unindexed: number;
}

interface EditorResult {
  first: Opening;
  articles: number;
  sidecarFiles: number;
  snapshot: number[];
  sidecars: number[];
  nothing: number[];
}

/** `docs`: what the corpus is made from (corpusTexts.ts), `name` says what they are. */
export async function editorSection(docs: readonly string[], name: string): Promise<void> {
  const texts = articlesFrom(docs, Number(process.env.BENCH_CORPUS_ARTICLES ?? 2000));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-editor-'));
  try {
    (prepareEditor as () => void)();
    const workspace = path.join(tmp, 'workspace');
    const paths = articlePaths(texts.length);
    for (let i = 0; i < texts.length; i++) {
      fs.mkdirSync(path.dirname(path.join(workspace, paths[i])), { recursive: true });
      fs.writeFileSync(path.join(workspace, paths[i]), texts[i]);
    }
    console.log(
      `\n12. The corpus index in the real editor (code-server), corpus of ${texts.length} articles (${texts.reduce((s, t) => s + t.length, 0)} characters) made from ${name}`,
    );

    // annotate from nothing, RUNS times; the last run's sidecars stay for the editor
    writeUsageProbe(tmp);
    const story = path.join(workspace, 'story');
    const sidecarsOf = () => fs.readdirSync(story).filter(f => f.endsWith('.annotations.json'));
    const annotate: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      for (const f of sidecarsOf()) fs.rmSync(path.join(story, f));
      annotate.push(runNode(tmp, [path.join(root, 'dist/cli.js'), 'annotate', workspace]).ms);
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of sidecarsOf()) fs.utimesSync(path.join(story, f), hourAgo, hourAgo);

    const hostIndex = await (bundleHostCode as (dir: string, out: string) => Promise<string>)(path.join(__dirname, 'editor'), path.join(tmp, 'host'));
    // three sessions over one profile (a fresh one: no editor restored, so no article is open as a document, which
    // would be indexed from the editor), each a fresh extension host whose first index is timed: from nothing (the
    // sidecars moved aside), from the sidecars (the first session's snapshot has no record of them) with the runs of
    // re-opening, then from the snapshot the second one left
    const profile = path.join(tmp, 'profile');
    const aside = path.join(tmp, 'aside');
    fs.mkdirSync(aside);
    // one port for the three sessions: code-server keys a workspace's storage (where the snapshot is) by its port too
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as net.AddressInfo;
        server.close(() => resolve(p));
      });
      server.on('error', reject);
    });
    const editorSession = async (label: string, mode: 'first' | 'runs') => {
      const out = path.join(tmp, `${mode}-${label}.json`);
      const code = await (session as (label: string, ws: string, index: string, o: object) => Promise<number>)(label, workspace, hostIndex, {
        extraArgs: [`--user-data-dir=${profile}`],
        env: {
          NEWS_ANNOTATOR_BENCH_OUT: out,
          NEWS_ANNOTATOR_BENCH_RUNS: String(RUNS),
          NEWS_ANNOTATOR_BENCH_MODE: mode,
          NEWS_ANNOTATOR_BENCH_ASIDE: aside,
          SHIM_PORT: String(port),
        },
        keep: true,
      });
      if (code !== 0 || !fs.existsSync(out)) throw new Error(`the editor session "${label}" failed (exit ${code}): see its output above`);
      return JSON.parse(fs.readFileSync(out, 'utf8')) as EditorResult;
    };
    for (const f of sidecarsOf()) fs.renameSync(path.join(story, f), path.join(aside, f));
    const fromNothing = await editorSession('opened without sidecars', 'first');
    for (const f of fs.readdirSync(aside)) fs.renameSync(path.join(aside, f), path.join(story, f));
    const editor = await editorSession('opened with the sidecars, then re-opened', 'runs');
    const fromSnapshot = await editorSession('opened with the snapshot', 'first');
    const firsts = { nothing: fromNothing.first, sidecars: editor.first, snapshot: fromSnapshot.first };
    for (const [what, o] of Object.entries(firsts)) {
      const from = what === 'nothing' ? o.analyzed : what === 'sidecars' ? o.sidecar : o.snapshot;
      if (from !== editor.articles)
        throw new Error(
          `the session opened ${what === 'nothing' ? 'without sidecars' : `with the ${what}`} took ${from} of ${editor.articles} articles that way: ${JSON.stringify(o)}`,
        );
    }

    const s = (xs: number[]) => `${fmt(median(xs) / 1000, 2)} s [${xs.map(x => fmt(x / 1000, 2)).join(', ')}]`;
    const t = (ms: number) => `${fmt(ms / 1000, 2)} s`;
    const nothing = median(editor.nothing);
    console.log(`   news-annotator annotate on the folder, from nothing (every sidecar written; median of ${RUNS}): ${s(annotate)}`);
    console.log(
      `   the first index of an editor session (a fresh extension host; the index's own time, from its start to idle; one run each): from nothing ${t(firsts.nothing.ms)}, ${fmt(median(annotate) / firsts.nothing.ms, 2)}x the speed of annotate; from the sidecars ${t(firsts.sidecars.ms)}; from the corpus snapshot ${t(firsts.snapshot.ms)}: ${fmt(firsts.nothing.ms / firsts.snapshot.ms, 1)}x faster than from nothing (target 20x)`,
    );
    console.log(
      `   re-opening the workspace in that session (the code warm; medians of ${RUNS}): from nothing (every article analysed in the background) ${s(editor.nothing)}, ${fmt(median(annotate) / nothing, 2)}x the speed of annotate (target: no slower, 1x)`,
    );
    console.log(
      `   from the ${editor.sidecarFiles} up-to-date sidecars ${s(editor.sidecars)}: ${fmt(nothing / median(editor.sidecars), 1)}x faster than from nothing; from the corpus snapshot ${s(editor.snapshot)}: ${fmt(nothing / median(editor.snapshot), 1)}x (target 20x)`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
