// The findings of every article kept up to date as the corpus changes, for the editor's Problems panel: after a
// change, only the articles whose findings it can change are checked again, not the whole corpus (a save of one
// article of thousands). An article's findings (./index.ts checkArticle) read, besides the article itself:
//   - the corpus-wide counts of the names it mentions (./types.ts): only what typeSignature keeps of them;
//   - the names annotated by hand elsewhere that occur in its text (./unannotated.ts): their types' article counts;
//   - the entities sharing an alias it mentions (./sharedAlias.ts): their ids, names, mentions and articles;
//   - the decisions' rejected names.
// So a change makes these articles checked again: the changed ones; those mentioning a name whose signature changed;
// those whose text holds a name whose manual types changed; the articles of the entities sharing an alias whose
// owners changed. A change of the decisions (or another corpus) checks everything again. The result equals
// checkCorpus (test/unit/core/corpus/findings.test.ts checks it at random).
import type { Corpus } from '../corpus';
import { compareText } from '../members';
import type { CorpusArticle, CorpusDecisions, CorpusEntity, Finding } from '../types';
import { checkArticle } from './index';
import { contributionOf, preferredType, tablesOf, type TypeCounts } from './tables';

/** What an update changed: every article's findings (`all`: replace them all), or those of `paths` only. */
export interface FindingsChange {
  all: boolean;
  /** The paths whose findings changed, added or went (their article removed), sorted. */
  paths: string[];
  /** How many articles were checked again. */
  checked: number;
}

const TYPE_ORDER = ['person', 'place', 'organization'] as const;

/**
 * What other articles' type findings read of a name's corpus-wide counts (./types.ts): how many types, the preferred
 * one and whether by hand, each type's article counts, and whether the preferred type outnumbers it. The same
 * signature, the same findings for every article mentioning the name but the changed ones. A name of one type (most)
 * has none: nothing is found of it.
 */
function typeSignature(counts: TypeCounts | undefined): string {
  if (counts === undefined || counts.size < 2) return '';
  const preferred = preferredType(counts)!;
  const theirs = counts.get(preferred.type)!;
  let s = `${preferred.type} ${preferred.manual} ${counts.size}`;
  for (const type of TYPE_ORDER) {
    const c = counts.get(type);
    if (c) s += `|${type} ${c.articles} ${c.manualArticles} ${theirs.mentions > c.mentions}`;
  }
  return s;
}

/** An entity as the shared-alias findings read it (worked out once per entity object: a changed entity is a new one). */
const entitySignatures = new WeakMap<CorpusEntity, string>();
function entitySignature(e: CorpusEntity): string {
  let s = entitySignatures.get(e);
  if (s === undefined) {
    s = `${e.id}\u0001${e.type}\u0001${e.name}\u0001${e.mentions}\u0001${e.articles.map(a => `${a.path}\u0002${a.entities.join(',')}`).join('\u0003')}`;
    entitySignatures.set(e, s);
  }
  return s;
}

/** Whether two lists of an alias's owners read the same to the checks (in any order). */
function sameOwners(a: readonly CorpusEntity[], b: readonly CorpusEntity[]): boolean {
  if (a.length !== b.length) return false;
  if (a.every((e, i) => e === b[i])) return true;
  const sa = a.map(entitySignature).sort();
  const sb = b.map(entitySignature).sort();
  return sa.every((s, i) => s === sb[i]);
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** An article's findings, with the article they were worked out for. */
interface Checked {
  article: CorpusArticle;
  findings: Finding[];
}

/** A check of every article under way (CorpusFindings.step): the state of the corpus it checks, and how far it got. */
interface FullCheck {
  corpus: Corpus;
  version: number;
  decisions: CorpusDecisions;
  paths: string[];
  done: number;
  byPath: Map<string, Checked>;
  keyPaths: Map<string, string[]>;
}

const never = () => false;

export class CorpusFindings {
  private corpus: Corpus | undefined;
  private decisions: CorpusDecisions | undefined;
  private version = -1;
  /** Each article's findings, with the article they were worked out for. */
  private byPath = new Map<string, Checked>();
  /** A name's key (nameKey) -> the paths whose entity annotations have it (a list: most names are in one or a few). */
  private keyPaths = new Map<string, string[]>();
  /** A check of every article under way, in steps (step). */
  private full: FullCheck | undefined;
  /** A name's key -> typeSignature of its corpus-wide counts, as of the last update (none kept when empty). */
  private readonly signatures = new Map<string, string>();
  /** A shared alias key -> its owners, as of the last update. */
  private shared = new Map<string, readonly CorpusEntity[]>();

  /** Brings the findings up to the corpus as it is now; says whose changed. */
  update(corpus: Corpus): FindingsChange {
    return this.step(corpus, never)!;
  }

  /**
   * As update, a part at a time: a check of every article (the first, or after new decisions: some 0.25 s for 2,000
   * articles) stops when `timeUp` says so, one article checked at least, and returns undefined; the next call goes on
   * from there, or starts again when the corpus changed since. Until it ends, the findings read are the previous
   * ones. The check after a change (the articles it can affect) is made in one call.
   */
  step(corpus: Corpus, timeUp: () => boolean): FindingsChange | undefined {
    if (this.full === undefined && corpus === this.corpus && corpus.version === this.version) return { all: false, paths: [], checked: 0 };
    const all = corpus !== this.corpus || corpus.decisions !== this.decisions;
    let change: FindingsChange;
    if (all) {
      const done = this.checkAll(corpus, timeUp);
      if (done === undefined) return undefined;
      change = done;
    } else {
      this.full = undefined;
      change = this.checkChanged(corpus);
    }
    this.corpus = corpus;
    this.decisions = corpus.decisions;
    this.version = corpus.version;
    return change;
  }

  /** The findings located in one article, sorted by offset, as of the last update. */
  findingsOf(path: string): readonly Finding[] {
    return this.byPath.get(path)?.findings ?? [];
  }

  /** Every finding, by path then offset, as of the last update (what checkCorpus gives). */
  all(): Finding[] {
    return [...this.byPath.keys()].sort(compareText).flatMap(p => this.byPath.get(p)!.findings);
  }

  /** Every article checked, into a state of its own until it ends (undefined: `timeUp` said so first). */
  private checkAll(corpus: Corpus, timeUp: () => boolean): FindingsChange | undefined {
    let f = this.full;
    if (f === undefined || f.corpus !== corpus || f.version !== corpus.version || f.decisions !== corpus.decisions) {
      f = { corpus, version: corpus.version, decisions: corpus.decisions, paths: [...corpus.paths()], done: 0, byPath: new Map(), keyPaths: new Map() };
      this.full = f;
    }
    while (f.done < f.paths.length) {
      const path = f.paths[f.done++];
      const article = corpus.article(path)!;
      f.byPath.set(path, { article, findings: checkArticle(corpus, path) });
      this.index(article, path, true, f.keyPaths);
      if (f.done < f.paths.length && timeUp()) return undefined;
    }
    this.full = undefined;
    this.byPath = f.byPath;
    this.keyPaths = f.keyPaths;
    this.signatures.clear();
    const tables = tablesOf(corpus);
    for (const key of this.keyPaths.keys()) {
      const signature = typeSignature(tables.types.get(key));
      if (signature !== '') this.signatures.set(key, signature);
    }
    this.shared = sharedNow(corpus);
    return { all: true, paths: [...this.byPath.keys()].sort(compareText), checked: this.byPath.size };
  }

  private checkChanged(corpus: Corpus): FindingsChange {
    const affected = new Set<string>();
    const keys = new Set<string>();
    const names = new Set<string>();
    const present = new Set<string>();
    for (const path of corpus.paths()) {
      present.add(path);
      const article = corpus.article(path)!;
      const before = this.byPath.get(path)?.article;
      if (before === article) continue;
      affected.add(path);
      if (before) this.index(before, path, false);
      this.index(article, path, true);
      noteChange(before, article, keys, names);
    }
    const gone: string[] = [];
    for (const [path, { article }] of this.byPath) {
      if (present.has(path)) continue;
      gone.push(path);
      this.index(article, path, false);
      noteChange(article, undefined, keys, names);
    }
    for (const path of gone) this.byPath.delete(path);
    // the names whose counts now read differently to the other articles mentioning them
    const tables = tablesOf(corpus);
    for (const key of keys) {
      const signature = typeSignature(tables.types.get(key));
      if (signature === (this.signatures.get(key) ?? '')) continue;
      if (signature === '') this.signatures.delete(key);
      else this.signatures.set(key, signature);
      for (const path of this.keyPaths.get(key) ?? []) affected.add(path);
    }
    // a name annotated by hand in other articles than before: wherever its text occurs
    if (names.size > 0) {
      for (const path of present) {
        if (affected.has(path)) continue;
        const text = corpus.article(path)!.text;
        for (const name of names) {
          if (!text.includes(name)) continue;
          affected.add(path);
          break;
        }
      }
    }
    // an alias whose owners changed: the articles of its owners, before and now
    const shared = sharedNow(corpus);
    for (const key of new Set([...shared.keys(), ...this.shared.keys()])) {
      const now = shared.get(key) ?? [];
      const was = this.shared.get(key) ?? [];
      if (sameOwners(now, was)) continue;
      for (const e of [...now, ...was]) for (const a of e.articles) affected.add(a.path);
    }
    this.shared = shared;
    const paths = gone;
    let checked = 0;
    for (const path of affected) {
      if (!present.has(path)) continue;
      checked++;
      const article = corpus.article(path)!;
      const findings = checkArticle(corpus, path);
      const before = this.byPath.get(path);
      if (before === undefined || before.article !== article || !sameFindings(before.findings, findings)) paths.push(path);
      this.byPath.set(path, { article, findings });
    }
    return { all: false, paths: paths.sort(compareText), checked };
  }

  /** Notes (or forgets) which name keys the article's entity annotations have. */
  private index(article: CorpusArticle, path: string, add: boolean, keyPaths = this.keyPaths): void {
    // an article's keys are distinct (a map's): a path is listed once under each
    for (const key of contributionOf(article).types.keys()) {
      const paths = keyPaths.get(key);
      if (add) {
        if (paths) paths.push(path);
        else keyPaths.set(key, [path]);
      } else if (paths) {
        const at = paths.indexOf(path);
        if (at < 0) continue;
        paths[at] = paths[paths.length - 1];
        paths.pop();
        if (paths.length === 0) keyPaths.delete(key);
      }
    }
  }
}

/** The keys of names an article changed (`before` undefined: added; `after` undefined: removed), and its hand-annotated names whose types changed. */
function noteChange(before: CorpusArticle | undefined, after: CorpusArticle | undefined, keys: Set<string>, names: Set<string>): void {
  const was = before && contributionOf(before);
  const now = after && contributionOf(after);
  for (const c of [was, now]) if (c) for (const key of c.types.keys()) keys.add(key);
  // the checks read how many articles have a name by hand with each type: its types here, not its counts
  const typesOf = (m: Map<string, Map<string, number>> | undefined, name: string) => [...(m?.get(name)?.keys() ?? [])].sort().join(' ');
  for (const c of [was, now]) {
    if (!c) continue;
    for (const name of c.manual.keys()) if (typesOf(was?.manual, name) !== typesOf(now?.manual, name)) names.add(name);
  }
}

/** Each alias key two or more entities share, with its owners (copied: the corpus edits its lists in place). */
function sharedNow(corpus: Corpus): Map<string, readonly CorpusEntity[]> {
  const out = new Map<string, readonly CorpusEntity[]>();
  for (const key of corpus.sharedAliasKeys()) out.set(key, corpus.entitiesWithAlias(key).slice());
  return out;
}
