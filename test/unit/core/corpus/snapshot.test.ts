// The corpus index snapshot (a private cache of the index's records): written from articles indexed from real
// sidecars and read back, it gives the same articles as corpusArticleFromSidecar (randomized over the fields a user
// can set); a corrupt, truncated or other-version snapshot is "no snapshot"; the validity rule turns a record down
// when the text, the sidecar's size or mtime changed, or the mtime was too recent when the record was taken.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  Corpus,
  corpusArticleFromSidecar,
  corpusArticleFromSnapshot,
  isRecordUsable,
  mentionsOf,
  parseCorpusSnapshot,
  parseSidecar,
  RACY_MARGIN_MS,
  reconcile,
  serializeCorpusSnapshot,
  serializeSidecar,
  sha256Hex,
  SNAPSHOT_VERSION,
  type CorpusArticle,
  type Sidecar,
  type SnapshotEntry,
} from '../../../../src/core';
import {
  HAS_ENTITY_NOTE,
  HAS_EXTERNAL_ID,
  HAS_PRECISION,
  KINDS,
  NO_ENTITY,
  TYPE_MASK,
  CODES,
  FLAG_SHIFT,
  REVIEWED,
  VALUE_FIXED,
} from '../../../../src/core/corpus/snapshot';
import { NumberDecoder, NumberWriter, widthOf } from '../../../../src/core/corpus/snapshotNumbers';
import { checksumsOf } from '../../../../src/core/corpus/snapshotJson';
import { firstOf } from '../../../../src/core/corpus/members';
import { root } from '../../../support/builtCli';

const folders = ['seeds', 'test/fixtures/corpus'];
const texts = folders.flatMap(dir =>
  fs
    .readdirSync(path.join(root, dir))
    .filter(f => f.endsWith('.txt'))
    .map(f => ({ file: `${dir}/${f}`, text: fs.readFileSync(path.join(root, dir, f), 'utf8') })),
);
/** Each article's sidecar as `annotate` writes it, parsed back as the hosts read it. */
const sidecars = texts.map(({ file, text }) => parseSidecar(serializeSidecar(reconcile({ text, file, analysis: analyze(text) }).sidecar), file));

/** A small deterministic generator (mulberry32): a failing case can be run again from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The sidecar with what a user can set changed at random (notes, reviews, manual sources, external ids, rejections), re-validated. */
function varied(sidecar: Sidecar, text: string, rnd: () => number): Sidecar {
  const pick = (p: number) => rnd() < p;
  const notes = ['', 'checked by phone', 'née «Ivanova» — 東京 🙂', 'line\nbreak'];
  const s: Sidecar = structuredClone(sidecar);
  s.document.referenceDate = pick(0.2) ? null : pick(0.5) ? '2016-02-29' : s.document.referenceDate;
  for (const a of s.annotations) {
    if (pick(0.2)) a.note = notes[Math.floor(rnd() * notes.length)];
    if (pick(0.3)) a.reviewed = true;
    if (pick(0.2)) a.source = 'manual';
    const unresolve = pick(0.3);
    const fix = pick(0.3);
    if (a.type === 'date' && unresolve) {
      a.value = null;
      delete a.precision;
    } else if (a.type === 'date' && fix && typeof a.value === 'string') a.valueFixed = true;
  }
  for (const e of s.entities) {
    if (pick(0.2)) e.externalId = `https://www.wikidata.org/wiki/Q${Math.floor(rnd() * 1e6)}`;
    if (pick(0.2)) e.note = notes[Math.floor(rnd() * notes.length)];
  }
  // a few auto annotations removed by the user: their spans become rejections
  const rejected = s.annotations.filter(() => pick(0.1));
  s.annotations = s.annotations.filter(a => !rejected.includes(a));
  const used = new Set(s.annotations.map(a => a.entity));
  s.entities = s.entities.filter(e => used.has(e.id));
  s.rejections = rejected.map(a => ({ type: a.type, start: a.start, end: a.end, text: a.text, prefix: a.prefix, suffix: a.suffix }));
  assert.equal(s.document.sha256, sha256Hex(text));
  return parseSidecar(serializeSidecar(s), 'varied');
}

/** An article as plain data with only the fields a CorpusArticle has (a sidecar's annotations carry quote selectors too). */
function plain(a: CorpusArticle) {
  const keys = ['id', 'type', 'start', 'end', 'text', 'source', 'entity', 'value', 'precision', 'note', 'reviewed', 'valueFixed'] as const;
  return {
    ...a,
    annotations: a.annotations.map(x => Object.fromEntries(keys.filter(k => x[k] !== undefined).map(k => [k, x[k]]))),
    entities: a.entities.map(e => ({ ...e })),
    rejections: a.rejections?.map(r => ({ start: r.start, end: r.end })),
  };
}

const entryOf = (article: CorpusArticle, i: number): SnapshotEntry => ({
  article,
  stamp: { size: 1000 + i, mtime: 1_700_000_000_000 + i },
  seen: 1_700_000_100_000,
});
/** Every number of a snapshot's numbers part. */
function readAll(text: string): number[] {
  const decoder = new NumberDecoder(text, 0);
  const out: number[] = [];
  while (decoder.at < text.length) out.push(decoder.read(1)![0]);
  return out;
}
const fromSidecars = (list: Sidecar[], prefix = '') => list.map((s, i) => corpusArticleFromSidecar(prefix + texts[i].file, texts[i].text, s));

describe('corpus snapshot', () => {
  it('gives back the articles corpusArticleFromSidecar makes, over randomized user edits (seeded)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = random(seed);
      const articles = fromSidecars(
        sidecars.map((s, i) => varied(s, texts[i].text, rnd)),
        `run${seed}/`,
      );
      const snapshot = parseCorpusSnapshot(serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000, `beside ${seed}`));
      assert.ok(snapshot, `seed ${seed}: the snapshot parses`);
      assert.equal(snapshot.writtenAt, 1_700_000_200_000);
      assert.equal(snapshot.context, `beside ${seed}`);
      assert.deepEqual(
        [...snapshot.records.keys()],
        articles.map(a => a.path),
      );
      articles.forEach((article, i) => {
        const record = snapshot.records.get(article.path)!;
        assert.deepEqual(record.stamp, entryOf(article, i).stamp);
        assert.equal(record.seen, 1_700_000_100_000);
        const back = corpusArticleFromSnapshot(record, texts[i].text);
        assert.ok(back);
        assert.deepEqual(plain(back), plain(article), `seed ${seed}, ${article.path}`);
        for (const a of article.annotations) for (const k of ['note', 'reviewed', 'valueFixed'] as const) if (a[k] !== undefined) seen.add(k);
        for (const a of article.annotations) if (a.value === null) seen.add('null value');
        for (const e of article.entities) if (e.externalId) seen.add('externalId');
        if (article.rejections?.length) seen.add('rejections');
        if (article.referenceDate === null) seen.add('no reference date');
      });
    }
    assert.deepEqual(
      [...seen].sort(),
      ['externalId', 'no reference date', 'note', 'null value', 'rejections', 'reviewed', 'valueFixed'],
      'every variation was tried',
    );
  });

  it('gives back the hand-made fixture sidecar (manual annotations, notes, a reference date) and builds the same corpus entities', () => {
    const text = fs.readFileSync(path.join(root, 'test/fixtures/sidecar/article.txt'), 'utf8');
    const fixture = parseSidecar(fs.readFileSync(path.join(root, 'test/fixtures/sidecar/valid.annotations.json'), 'utf8'), 'valid');
    const articles = [corpusArticleFromSidecar('fixture/article.txt', text, fixture), ...fromSidecars(sidecars)];
    const all = [text, ...texts.map(t => t.text)];
    const snapshot = parseCorpusSnapshot(serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000))!;
    const back = articles.map((a, i) => corpusArticleFromSnapshot(snapshot.records.get(a.path)!, all[i])!);
    assert.deepEqual(plain(back[0]), plain(articles[0]));
    const built = (list: CorpusArticle[]) => {
      const c = new Corpus();
      c.setArticles(list);
      return c.entities();
    };
    assert.deepEqual(built(back), built(articles));
    assert.ok(built(back).length > 20, 'a corpus with something in it');
  });

  it('gives the entities of one single alias, across articles, one shared list that cannot be edited', () => {
    const articles = fromSidecars(sidecars);
    const snapshot = parseCorpusSnapshot(serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000))!;
    const taken = articles.map((a, i) => corpusArticleFromSnapshot(snapshot.records.get(a.path)!, texts[i].text)!);
    const byAlias = new Map<string, string[][]>();
    for (const a of taken)
      for (const e of a.entities) if (e.aliases.length === 1) byAlias.set(e.aliases[0], [...(byAlias.get(e.aliases[0]) ?? []), e.aliases as string[]]);
    const shared = [...byAlias.values()].filter(lists => lists.length > 1);
    assert.ok(shared.length > 0, 'some single alias recurs across the articles');
    for (const lists of shared) for (const list of lists) assert.equal(list, lists[0], `one list for "${lists[0][0]}"`);
    for (const lists of byAlias.values()) {
      assert.ok(Object.isFrozen(lists[0]), `the list of "${lists[0][0]}" is frozen`);
      assert.throws(() => lists[0].push('another'), TypeError);
    }
    // the same entities as the articles the snapshot was written from
    assert.deepEqual(
      taken.map(a => a.entities.map(e => [...e.aliases])),
      articles.map(a => a.entities.map(e => [...e.aliases])),
    );
  });

  it('takes an article whose annotations are made only when read, giving the corpus the article made eagerly gives', () => {
    // the annotations listed last to first (the first listed is not the first by start), a second mention at the
    // same start as an entity's first (the earlier listed counts as first), an entity nothing mentions (not a member)
    const articles = fromSidecars(sidecars).map(a => {
      const annotations = [...a.annotations].reverse();
      const firstMention = a.annotations.find(x => x.entity !== undefined)!;
      annotations.push({ ...firstMention, id: `${firstMention.id}-again` });
      const entities = [...a.entities, { id: 'e999', type: 'person' as const, name: 'Nobody Here', aliases: ['Nobody Here'] }];
      return { ...a, annotations, entities };
    });
    const snapshot = parseCorpusSnapshot(serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000))!;
    const taken = articles.map((a, i) => corpusArticleFromSnapshot(snapshot.records.get(a.path)!, texts[i].text)!);
    // the build reads no annotation of an article taken from the snapshot (that is what taking it lazily is for)
    const proto = Object.getPrototypeOf(taken[0]) as object;
    const getter = Object.getOwnPropertyDescriptor(proto, 'annotations')!.get!;
    let reads = 0;
    Object.defineProperty(proto, 'annotations', {
      configurable: true,
      get: function (this: CorpusArticle) {
        reads++;
        return getter.call(this);
      },
    });
    const lazy = new Corpus();
    const eager = new Corpus();
    try {
      lazy.setArticles(taken);
      lazy.entities();
      assert.equal(reads, 0, 'the build read no annotation');
    } finally {
      Object.defineProperty(proto, 'annotations', { configurable: true, get: getter });
    }
    eager.setArticles(articles);
    const members = (c: Corpus) =>
      articles.map(a => c.membersOf(a.path).map(m => ({ entity: m.entity, mentions: m.mentions, first: firstOf(m)?.id, start: firstOf(m)?.start })));
    assert.deepEqual(members(lazy), members(eager));
    assert.ok(
      members(lazy).every(list => list.every(m => m.entity !== 'e999' && m.mentions > 0)),
      'the entity nothing mentions is no member',
    );
    const entities = eager.entities();
    assert.deepEqual(lazy.entities(), entities);
    for (const e of entities) assert.deepEqual(mentionsOf(lazy, e.id), mentionsOf(eager, e.id), e.id);
    assert.ok(entities.length > 20, 'a corpus with something in it');
    // read back, the annotations are the article's, in its order
    taken.forEach((a, i) => assert.deepEqual(plain(a), plain(articles[i])));
  });

  it('leaves out an article whose annotation text is not the slice of its text it points at', () => {
    const [first, second] = fromSidecars(sidecars);
    const odd = { ...second, annotations: second.annotations.map((a, i) => (i === 0 ? { ...a, text: `${a.text}x` } : a)) };
    const snapshot = parseCorpusSnapshot(serializeCorpusSnapshot([first, odd].map(entryOf), 1_700_000_200_000))!;
    assert.deepEqual([...snapshot.records.keys()], [first.path]);
  });

  it('turns down a corrupt, truncated, other-version or other-code-table snapshot, and a record that does not decode', () => {
    const articles = fromSidecars(sidecars);
    const json = serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000);
    assert.ok(parseCorpusSnapshot(json));
    const split = json.indexOf('\n');
    /** The JSON line's fields, as snapshotJson.ts writes them. */
    interface Doc {
      format: string;
      version: number;
      writtenAt: number;
      context: string;
      codes: { types: string[] };
      strings: unknown[];
      articles: [string, string, number, number, number, number][];
      check: number;
    }
    /** Its checksums made right again for the numbers `text` (when they walk: else left as they are). */
    const reseal = (d: Doc, text: string) => {
      const sums = checksumsOf(text, d.articles.length, d.strings as string[]);
      if (!sums) return;
      d.check = sums.check;
      // (a record cut short stays so)
      d.articles.forEach((a, i) => a.length === 6 && (a[5] = sums.bodies[i]));
    };
    /**
     * The numbers, and where article 0's are: its head (date, entities, annotations, rejections, its body's length in
     * characters), then its body: first entity, ..., first annotation (start, length, text, id, kind, entity), ...
     */
    const numbers = readAll(json.slice(split + 1));
    const entities = 5;
    let annotations = entities;
    for (let k = 0; k < numbers[1]; k++) {
      // id, name, kind, aliases, then the externalId and note its kind says it has, then the aliases
      const kind = numbers[annotations + 2];
      annotations += 4 + (kind & HAS_EXTERNAL_ID ? 1 : 0) + (kind & HAS_ENTITY_NOTE ? 1 : 0) + numbers[annotations + 3];
    }
    assert.equal(numbers[annotations + 4] & NO_ENTITY, 0, 'the first annotation of article 0 is a mention of an entity');
    assert.ok(numbers[1] > 0 && numbers[2] > 0, 'article 0 has entities and annotations');
    /** Where article 0's body ends (its head gives its length in characters). */
    let bodyEnd = 5;
    for (let width = 0; width < numbers[4]; bodyEnd++) width += widthOf(numbers[bodyEnd]);
    const lengthOf = (body: number[]) => body.reduce((sum, x) => sum + widthOf(x), 0);
    /** The snapshot's checksums made right again for its numbers and strings. */
    const checked = (text: string) => {
      const at = text.indexOf('\n');
      const d: Doc = JSON.parse(text.slice(0, at));
      reseal(d, text.slice(at + 1));
      return `${JSON.stringify(d)}\n${text.slice(at + 1)}`;
    };
    /**
     * The snapshot with its JSON line and numbers changed, its checksum made right again (unless `keepCheck`) and
     * article 0's body length too (unless `keepLength`; the changes to the numbers are in article 0's body, but for
     * the ones that keep it): the checks behind them must see them.
     */
    const edit = (change: (d: Doc, n: number[]) => void, { keepCheck = false, keepLength = false } = {}) => {
      const d: Doc = JSON.parse(json.slice(0, split));
      const n = [...numbers];
      change(d, n);
      if (!keepLength) n[4] = lengthOf(n.slice(5, bodyEnd + n.length - numbers.length));
      const w = new NumberWriter();
      for (const x of n) w.push(x);
      const text = w.toString();
      if (!keepCheck) reseal(d, text);
      return `${JSON.stringify(d)}\n${text}`;
    };
    assert.equal(
      edit(() => {}),
      json,
      'the edits start from the snapshot as written',
    );
    /** Where article 0's body starts in the snapshot's text. */
    const bodyAt = split + 1 + lengthOf(numbers.slice(0, 5));
    // not a snapshot at all, or not one of this build, or not as written: nothing of it is used
    const corrupt: [string, string][] = [
      ['empty', ''],
      ['truncated', json.slice(0, json.length >> 1)],
      ['the JSON line only', json.slice(0, split)],
      ['the last number cut', json.slice(0, -1)],
      ['not an object', '[]\n'],
      ['older version', edit(d => (d.version = SNAPSHOT_VERSION - 1))],
      ['newer version', edit(d => (d.version = SNAPSHOT_VERSION + 1))],
      ['another format', edit(d => (d.format = 'eslint-cache'))],
      ['no context', edit(d => delete (d as Partial<Doc>).context)],
      ['types reordered', edit(d => d.codes.types.reverse())],
      ['a string not a string', edit(d => (d.strings[3] = 3))],
      ['a string changed', edit(d => (d.strings[3] = `${d.strings[3]}x`), { keepCheck: true })],
      ['a number of a head changed', edit((_, n) => (n[3] += 1), { keepCheck: true, keepLength: true })],
      ['a number of the linking record changed', edit((_, n) => (n[n.length - 1] += 1), { keepCheck: true })],
      ['the checksum changed', edit(d => (d.check += 1), { keepCheck: true })],
      ['a number more', edit((_, n) => n.push(0), { keepLength: true })],
      ['a number less', edit((_, n) => n.pop(), { keepLength: true })],
      ['a body longer than written', edit((_, n) => (n[4] += 1), { keepLength: true })],
      ['a body shorter than written', edit((_, n) => (n[4] -= 1), { keepLength: true })],
      ['a body past the end', edit((_, n) => (n[4] = 1e8), { keepLength: true })],
      ['more annotations than the body has room for', edit((_, n) => (n[2] = n[4]))],
      ['more aliases than the body has room for', edit((_, n) => (n[1] = n[4]))],
      ['a bad hash', edit(d => (d.articles[0][1] = 'abc'))],
      ['a path twice', edit(d => (d.articles[1][0] = d.articles[0][0]))],
      ['seen after the write', edit(d => (d.articles[0][4] = d.writtenAt + 1))],
      ['a body checksum not a 32-bit integer', edit(d => (d.articles[0][5] = 2 ** 31), { keepCheck: true })],
      ['a record too short', edit(d => d.articles[0].pop())],
      ['an article less', edit(d => d.articles.pop())],
      ['a reference date not a day', edit((d, n) => (n[0] = d.strings.indexOf('e1') + 1))],
    ];
    for (const [what, text] of corrupt) assert.equal(parseCorpusSnapshot(text), undefined, what);
    // as written by no build but with the right checksum: the snapshot parses (its bodies are decoded when taken),
    // article 0's record is turned down when it is taken, and every other record gives back its article as written
    const undecodable: [string, string][] = [
      ['a number of the body changed (its checksum as written)', edit((_, n) => (n[annotations] += 1), { keepCheck: true })],
      ['a body checksum changed', edit(d => (d.articles[0][5] ^= 1), { keepCheck: true })],
      ['string index out of range', edit((d, n) => (n[annotations + 3] = d.strings.length))],
      ['text index out of range', edit((d, n) => (n[annotations + 2] = d.strings.length + 3))],
      ['an annotation cut', edit((_, n) => n.splice(annotations + 5, 1))],
      ['a number more in the body', edit((_, n) => n.splice(annotations, 0, 0))],
      ['a number more at the end of the body', edit((_, n) => n.splice(bodyEnd, 0, 0))],
      ['unknown flags (a kind past the codes)', edit((_, n) => (n[annotations + 4] |= KINDS))],
      ['an annotation of an entity not listed', edit((_, n) => (n[annotations + 5] = n[1]))],
      ['a date of an entity', edit((_, n) => (n[annotations + 4] |= TYPE_MASK))],
      [
        'an unknown precision',
        edit((_, n) => {
          n[annotations + 4] |= HAS_PRECISION;
          n.splice(annotations + 6, 0, 99);
        }),
      ],
      ['an entity of type date', edit((_, n) => (n[entities + 2] |= TYPE_MASK))],
      ['an entity name out of range', edit((d, n) => (n[entities + 1] = d.strings.length))],
      ['aliases past the end', edit((_, n) => (n[entities + 3] = 1e6))],
      ['more annotations than written', edit((_, n) => (n[2] += 1))],
      ['fewer entities than written', edit((_, n) => (n[1] -= 1))],
      ['a span past the text', edit((_, n) => (n[annotations] += 1e6))],
      ['a number cut in its digits', checked(`${json.slice(0, bodyAt)}[${json.slice(bodyAt + 1)}`)],
      ['a character of neither range', checked(`${json.slice(0, bodyAt)} ${json.slice(bodyAt + 1)}`)],
    ];
    for (const [what, text] of undecodable) {
      const snapshot = parseCorpusSnapshot(text);
      assert.ok(snapshot, `${what}: parses`);
      assert.equal(corpusArticleFromSnapshot(snapshot.records.get(articles[0].path)!, texts[0].text), undefined, what);
      for (let i = 1; i < articles.length; i++)
        assert.deepEqual(
          plain(corpusArticleFromSnapshot(snapshot.records.get(articles[i].path)!, texts[i].text)!),
          plain(articles[i]),
          `${what}: article ${i}`,
        );
    }
    // well formed but longer than the text it is used with: that article is not taken from it
    const record = parseCorpusSnapshot(json)!.records.get(articles[0].path)!;
    assert.equal(corpusArticleFromSnapshot(record, texts[0].text.slice(0, 10)), undefined);
  });

  it('has room in a kind number for every code (types in TYPE_MASK, one bit of source, two of flags)', () => {
    assert.ok(CODES.types.length <= TYPE_MASK + 1 && CODES.sources.length <= 2 && (REVIEWED | VALUE_FIXED) < 4);
    assert.equal(KINDS, 1 << (FLAG_SHIFT + 2));
  });

  it('is "no snapshot" when any character of its strings table or heads changed, and no record for one of a body', () => {
    const articles = fromSidecars(sidecars).slice(0, 3);
    const json = serializeCorpusSnapshot(articles.map(entryOf), 1_700_000_200_000);
    assert.ok(parseCorpusSnapshot(json));
    const from = json.indexOf('"strings":');
    const to = json.indexOf('"articles":');
    const split = json.indexOf('\n');
    const positions = [...Array(json.length).keys()].filter(i => (i > from + 10 && i < to - 2) || i > split);
    assert.ok(positions.length > 2000, 'every character of a few articles');
    let refused = 0;
    let inBodies = 0;
    for (const i of positions) {
      const changed = `${json.slice(0, i)}${json[i] === 'a' ? 'b' : 'a'}${json.slice(i + 1)}`;
      const what = `character ${i} (${JSON.stringify(json.slice(i - 5, i + 5))})`;
      const snapshot = parseCorpusSnapshot(changed);
      if (snapshot === undefined) {
        refused++;
        continue;
      }
      // a body's character: its checksum is checked when its article is taken, and only that record is not used
      const records = articles.map(a => snapshot.records.get(a.path)!);
      const changedBody = records.findIndex(r => i >= r.encoded.at && i < r.encoded.at + r.encoded.length);
      assert.notEqual(changedBody, -1, `${what}: parses, but is in no body`);
      records.forEach((r, k) => assert.equal(corpusArticleFromSnapshot(r, articles[k].text) === undefined, k === changedBody, `${what}: article ${k}`));
      inBodies++;
    }
    assert.ok(refused > 100 && inBodies > 1000, `${refused} refused when parsed, ${inBodies} when taken`);
  });

  it('uses a record only for the same text hash, sidecar size and mtime, and an mtime older than the record by the margin', () => {
    const article = fromSidecars(sidecars)[0];
    const stamp = { size: 5000, mtime: 1_700_000_000_000 };
    const record = parseCorpusSnapshot(serializeCorpusSnapshot([{ article, stamp, seen: stamp.mtime + RACY_MARGIN_MS + 1 }], Date.now()))!.records.get(
      article.path,
    )!;
    assert.equal(isRecordUsable(record, article.sha256, { ...stamp }), true);
    assert.equal(isRecordUsable(record, sha256Hex(`${texts[0].text} `), stamp), false, 'the text changed');
    assert.equal(isRecordUsable(record, article.sha256, { ...stamp, size: 5001 }), false, 'the sidecar size changed');
    assert.equal(isRecordUsable(record, article.sha256, { ...stamp, mtime: stamp.mtime + 1 }), false, 'the sidecar was written again');
    assert.equal(isRecordUsable(record, article.sha256, undefined), false, 'the sidecar is gone');
    const racy = parseCorpusSnapshot(serializeCorpusSnapshot([{ article, stamp, seen: stamp.mtime + RACY_MARGIN_MS }], Date.now()))!.records.get(article.path)!;
    assert.equal(isRecordUsable(racy, article.sha256, stamp), false, 'written within the margin before it was looked at');
  });
});
