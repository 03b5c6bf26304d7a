// The benchmark's corpus section, the snapshot's lines: indexing the corpus again from the corpus snapshot (the
// editor's cache, src/core/corpus/snapshot.ts) vs from the up-to-date sidecars vs analysing. The sidecars are real
// files in a temporary folder (made not timed, dated an hour back so the racy-write rule accepts their records): the
// snapshot's checks stat each of them (fs.statSync) as the editor stats them through its file system.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CorpusSnapshotWriter,
  corpusArticleFromSnapshot,
  findEntities,
  isRecordUsable,
  parseCorpusSnapshot,
  serializeCorpusSnapshot,
  type Corpus,
  type CorpusArticle,
  type CorpusSnapshot,
} from '../../src/core';
import { sha256HexNative } from '../../src/node/hash';
import { freshProcessLines } from './snapshotFresh';

export interface Timed {
  ms: number;
  cpu: number;
}

export interface SnapshotBench {
  texts: readonly string[];
  paths: readonly string[];
  /** The sidecar files (sidecarFiles), read back for the sidecar runs. */
  files: readonly string[];
  /** The index built from the sidecars (the snapshot is written from its articles). */
  index: Corpus;
  /** Analysing and indexing every article: the ratios' numerator. */
  fromNothing: Timed;
  /** The index from the sidecars' JSON in memory (hash, parse, build), as the line "index from up-to-date sidecars" times it. */
  fromSidecars: (sidecars: readonly string[]) => Timed;
  /** Builds the index (setArticles + entities; with the snapshot the articles were taken from, if any), timed with `time`. */
  build: (articles: CorpusArticle[], snapshot?: CorpusSnapshot) => Corpus;
  time: <T>(fn: () => T) => Timed & { value: T };
  both: (t: Timed, digits?: number) => string;
  medianOf: (runs: Timed[]) => Timed;
}

const fmt = (x: number, d = 1) => x.toFixed(d);

/** The sidecars written to a temporary folder, dated an hour back; `remove` deletes them. */
export function sidecarFiles(sidecars: readonly string[]): { files: string[]; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-snapshot-'));
  const files = sidecars.map((_, i) => path.join(dir, `${i}.annotations.json`));
  const hourAgo = new Date(Date.now() - 3_600_000);
  // a plain loop, no callback reading `sidecars`: V8 keeps one context for all the closures of a call, so a callback
  // capturing `sidecars` would put it in the context `remove` keeps (for `dir`), and the sidecars' text (~30 MiB for
  // 2,000 articles) would stay alive until the section ends, counted in the index's memory line
  for (let i = 0; i < files.length; i++) {
    fs.writeFileSync(files[i], sidecars[i]);
    fs.utimesSync(files[i], hourAgo, hourAgo);
  }
  return { files, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function snapshotLines(b: SnapshotBench): void {
  const { files } = b;
  {
    const stampOf = (file: string) => {
      const s = fs.statSync(file, { throwIfNoEntry: false });
      return s && { size: s.size, mtime: s.mtimeMs };
    };
    const seen = Date.now();
    const write = b.time(() =>
      serializeCorpusSnapshot(
        b.paths.map((p, i) => ({ article: b.index.article(p)!, stamp: stampOf(files[i])!, seen })),
        Date.now(),
        '',
        // the index they are from: the snapshot records its linking, as the editor's does
        b.index,
      ),
    );
    // the snapshot as the editor has it: a file in its storage, read back before it is parsed (a string read from a
    // file is flat; the serializer's result is a rope, slower to scan character by character)
    const snapshotFile = path.join(path.dirname(files[0]), 'corpus-snapshot.json');
    fs.writeFileSync(snapshotFile, write.value);
    const json = write.value;
    const sidecars = files.map(f => fs.readFileSync(f, 'utf8'));
    const sidecarBytes = sidecars.reduce((s, x) => s + x.length, 0);

    // hash each text, stat each sidecar, parse the snapshot, check and take each record, build; each step's CPU time kept too
    const steps: { parse: Timed[]; check: Timed[]; take: Timed[]; build: Timed[]; query: Timed[]; prepare: Timed[]; save: Timed[] } = {
      parse: [],
      check: [],
      take: [],
      build: [],
      query: [],
      prepare: [],
      save: [],
    };
    const fromSnapshot = () =>
      b.time(() => {
        const parse = b.time(() => parseCorpusSnapshot(fs.readFileSync(snapshotFile, 'utf8')));
        const snapshot = parse.value;
        if (!snapshot) throw new Error('the snapshot does not parse');
        const check = b.time(() => b.texts.map((t, i) => isRecordUsable(snapshot.records.get(b.paths[i])!, sha256HexNative(t), stampOf(files[i]))));
        if (check.value.includes(false)) throw new Error('a snapshot record is not usable');
        const take = b.time(() => b.texts.map((t, i) => corpusArticleFromSnapshot(snapshot.records.get(b.paths[i])!, t)!));
        const build = b.time(() => b.build(take.value, snapshot));
        steps.parse.push(parse);
        steps.check.push(check);
        steps.take.push(take);
        steps.build.push(build);
        return build.value;
      });
    // the first workspace-symbol query on each index just built (not timed with the index): whatever the build left
    // for a first query to make is paid here
    const firstQuery = (index: Corpus) => steps.query.push(b.time(() => findEntities(index, 'put')));
    // then what the editor does once the index is idle (prepareChanges: the linking's rule indexes, which a linking
    // taken from the snapshot's record leaves undone, and its names in linking order), and the first save on it: the
    // index and its entities after one article is set again
    const saved = b.paths[b.paths.length >> 1];
    const firstSave = (index: Corpus) => {
      steps.prepare.push(b.time(() => index.prepareChanges()));
      steps.save.push(
        b.time(() => {
          // the same article as read from its sidecar (a copy of one taken from the snapshot would have no annotations)
          index.setArticle(b.index.article(saved)!);
          return index.entities();
        }),
      );
    };
    // paired: the two ways alternate in this process, medians of 5 each (the machine's load hits both alike)
    const viaSnapshot: Timed[] = [];
    const viaSidecars: Timed[] = [];
    // each run starts from a collected heap (--expose-gc), as an editor starting on a workspace does: without it, a run
    // would pay for collecting what the other way's run just left (the sidecars' parse leaves ~20 MiB of objects)
    const collect = () => (globalThis as { gc?: () => void }).gc?.();
    for (let i = 0; i < 5; i++) {
      collect();
      const built = fromSnapshot();
      // the timing only: the index itself is not kept (each would add to the heap the next runs collect)
      viaSnapshot.push({ ms: built.ms, cpu: built.cpu });
      firstQuery(built.value);
      firstSave(built.value);
      collect();
      viaSidecars.push(b.fromSidecars(sidecars));
    }
    const snap = b.medianOf(viaSnapshot);
    const side = b.medianOf(viaSidecars);
    console.log(
      `   index from the snapshot (hash the texts + stat the ${files.length} sidecar files + read and parse the snapshot + build; median of 5, each from a collected heap): ${b.both(snap)}, vs ${b.both(side)} from the sidecars (hash + parse + build) alternating with it`,
    );
    console.log(
      `   ratio analysing/snapshot: ${fmt(b.fromNothing.ms / snap.ms, 1)}x (CPU ${fmt(b.fromNothing.cpu / snap.cpu, 1)}x); analysing/sidecars in the same runs: ${fmt(b.fromNothing.ms / side.ms, 1)}x (CPU ${fmt(b.fromNothing.cpu / side.cpu, 1)}x)`,
    );
    console.log(
      `   of which (medians): read and parse the snapshot ${b.both(b.medianOf(steps.parse))}, hash + stat + check ${b.both(b.medianOf(steps.check))}, take the records ${b.both(b.medianOf(steps.take))}, build ${b.both(b.medianOf(steps.build))}`,
    );
    console.log(
      `   on each index just built (median of 5): the first workspace-symbol query ("put") ${b.both(b.medianOf(steps.query), 1)}; then prepared for changes as the editor does once idle ${b.both(b.medianOf(steps.prepare), 1)}, and the first save (index and entities) ${b.both(b.medianOf(steps.save), 1)}`,
    );
    freshProcessLines(path.dirname(files[0]), json, b.texts, b.paths, files);
    // written again in steps, as the editor writes it (each task ends once it has taken STEP_MS)
    const STEP_MS = 20;
    const writer = new CorpusSnapshotWriter(
      b.paths.map((p, i) => ({ article: b.index.article(p)!, stamp: stampOf(files[i])!, seen })),
      Date.now(),
      '',
      b.index,
    );
    const writeSteps: number[] = [];
    for (let done = false; !done;) {
      const t0 = performance.now();
      done = writer.step(() => performance.now() - t0 >= STEP_MS) !== undefined;
      writeSteps.push(performance.now() - t0);
    }
    console.log(
      `   the snapshot: ${fmt(json.length / 2 ** 20, 1)} MiB (the sidecars: ${fmt(sidecarBytes / 2 ** 20, 1)} MiB), written (serialized) in ${b.both(write)}; again in steps of ${STEP_MS} ms as the editor writes it: ${writeSteps.length} steps, the longest ${fmt(Math.max(...writeSteps), 1)} ms`,
    );
  }
}
