// The benchmark's section 12 (`npm run bench`, `npm run bench:editor` alone): the corpus index in the real editor
// (code-server and headless Chromium, as the integration tests run it), against `news-annotator annotate` on the same
// folder. The bench's corpus (2,000 articles, BENCH_CORPUS_ARTICLES) is written to a throw-away workspace; `annotate`
// is run on it RUNS times from nothing (its sidecars removed before each; the last run's are kept, dated an hour back
// as a user's would be); then one editor session over it times the index as re-opening the workspace makes it
// (./editor/index.ts): from the corpus snapshot, from the sidecars, from nothing. Medians, side by side, with ratios.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// @ts-expect-error: a plain ES module of the test harness (no types)
import { bundleHostCode, prepareEditor, root, session } from '../../test/integration/harness.mjs';
import { articlePaths, articlesFrom } from './corpusTexts';
import { fmt, median, runNode, writeUsageProbe } from './processRuns';

const RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 3);

interface EditorResult {
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
    const out = path.join(tmp, 'editor.json');
    const profile = path.join(tmp, 'profile');
    const code = await (session as (label: string, ws: string, index: string, o: object) => Promise<number>)(
      'the corpus index, re-opened',
      workspace,
      hostIndex,
      {
        // a fresh profile: no editor restored, so no article is open as a document (an open one is indexed from it)
        extraArgs: [`--user-data-dir=${profile}`],
        env: { NEWS_ANNOTATOR_BENCH_OUT: out, NEWS_ANNOTATOR_BENCH_RUNS: String(RUNS) },
      },
    );
    if (code !== 0 || !fs.existsSync(out)) throw new Error(`the editor session failed (exit ${code}): see its output above`);
    const editor = JSON.parse(fs.readFileSync(out, 'utf8')) as EditorResult;
    const s = (xs: number[]) => `${fmt(median(xs) / 1000, 2)} s [${xs.map(x => fmt(x / 1000, 2)).join(', ')}]`;
    const nothing = median(editor.nothing);
    console.log(`   news-annotator annotate on the folder, from nothing (every sidecar written; median of ${RUNS}): ${s(annotate)}`);
    console.log(
      `   the editor's index of the ${editor.articles} articles, as re-opening the workspace makes it (medians of ${RUNS}): from nothing (every article analysed in the background) ${s(editor.nothing)}, ${fmt(median(annotate) / nothing, 2)}x the speed of annotate (target: no slower, 1x)`,
    );
    console.log(
      `   from the ${editor.sidecarFiles} up-to-date sidecars ${s(editor.sidecars)}: ${fmt(nothing / median(editor.sidecars), 1)}x faster than from nothing; from the corpus snapshot ${s(editor.snapshot)}: ${fmt(nothing / median(editor.snapshot), 1)}x (target 20x)`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
