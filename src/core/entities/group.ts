// Document-level steps over all mentions of an article: the user lexicon, one type per surface string,
// recovering later occurrences of names found elsewhere, acronyms defined in the text, then grouping
// mentions into entities ("Vladimir Putin", "Putin" -> one entity named "Vladimir Putin").
import { ENTITY_TYPES, type Entity, type EntityType, type Lexicon, type MentionCandidate } from '../types';
import gazetteerLists from '../data/gazetteer.json';
import words from '../data/words.json';
import { isTitle } from './refine';
import { tokenize, type Token } from './tokenize';

export interface GroupedMention extends MentionCandidate {
  entity: string;
}

export interface GroupingResult {
  mentions: GroupedMention[];
  entities: Entity[];
}

interface Working extends MentionCandidate {
  surface: string;
  /** How sure the detector was of the type (a margin of tagger scores); absent: an ordinary vote. */
  confidence?: number;
  /** Set by the user lexicon: never changed by the model-side steps. */
  fixed: boolean;
}

const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Names of months and days are dates far more often than names of things.
const NEVER_PROPAGATE = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
/** Surface key and display form: any run of spaces (no-break space included) as one space. */
const normalise = (s: string) => s.replace(/\s+/g, ' ');

const COMMON_WORDS = new Set(words.commonWords);
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abu|abd)-/;

export function groupEntities(text: string, mentions: MentionCandidate[], lexicon: Lexicon = {}): GroupingResult {
  let work: Working[] = dedupe(mentions
    .filter(m => m.start >= 0 && m.end <= text.length && m.start < m.end && ENTITY_TYPE_SET.has(m.type))
    .map(m => ({ start: m.start, end: m.end, type: m.type, surface: normalise(text.slice(m.start, m.end)), fixed: false, confidence: (m as { confidence?: number }).confidence })));
  work = applyLexicon(text, work, lexicon);
  unifyTypes(work);
  shortFormsFollowFullNames(work);
  const expansions = new Map<string, string>();
  work = linkAcronyms(text, work, expansions);
  work = propagate(text, work);
  return buildEntities(work, expansions);
}

function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** Sorted, without overlaps (the earlier, then longer, mention wins). */
function dedupe(list: Working[]): Working[] {
  list.sort(byPosition);
  const out: Working[] = [];
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.fixed && !last.fixed) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The items of `list` that overlap none of `blockers` (both sorted by start; linear sweep). */
function withoutOverlaps<T extends { start: number; end: number }>(list: readonly T[], blockers: readonly { start: number; end: number }[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const m of list) {
    while (j < blockers.length && blockers[j].end <= m.start) j++;
    // blockers do not overlap each other, so only the first one ending after m.start can reach into m
    if (j < blockers.length && blockers[j].start < m.end) continue;
    out.push(m);
  }
  return out;
}

const isBoundary = (text: string, i: number) => i <= 0 || i >= text.length || !WORD_CHAR.test(text[i]);

/** Every whole-word occurrence of a lexicon name becomes a mention of its type, replacing what overlaps it. */
function applyLexicon(text: string, work: Working[], lexicon: Lexicon): Working[] {
  const forced: Working[] = [];
  const names = Object.entries(lexicon).filter(([name, type]) => name.trim() && ENTITY_TYPE_SET.has(type));
  if (names.length === 0) return work;
  // Capitalised names are matched word by word over the (memoised) capitalised tokens: the cost does not grow
  // with the size of the lexicon. Others ("al-Qaeda") are searched as text.
  const byFirst = new Map<string, { words: string[]; type: EntityType }[]>();
  for (const [name, type] of names) {
    const key = name.trim();
    const words = tokenize(key).map(t => t.text);
    if (/^\p{Lu}/u.test(key) && words.length > 0) {
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, type: type as EntityType });
      list.sort((a, b) => b.words.length - a.words.length);
      byFirst.set(words[0], list);
      continue;
    }
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      if (isBoundary(text, i - 1) && isBoundary(text, i + key.length)) {
        forced.push({ start: i, end: i + key.length, type: type as EntityType, surface: normalise(key), fixed: true });
      }
    }
  }
  if (byFirst.size > 0) {
    forEachLine(text, (lineStart, { tokens, capitals }) => {
      for (const i of capitals) {
        for (const e of byFirst.get(tokens[i].text) ?? []) {
          const last = i + e.words.length - 1;
          if (last >= tokens.length) continue;
          let ok = true;
          for (let k = 1; ok && k < e.words.length; k++) ok = tokens[i + k].text === e.words[k];
          if (!ok) continue;
          const start = lineStart + tokens[i].start;
          const end = lineStart + tokens[last].end;
          forced.push({ start, end, type: e.type, surface: normalise(text.slice(start, end)), fixed: true });
          break;
        }
      }
    });
  }
  // longest lexicon names first, so "New York Times" beats "New York"
  forced.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Working[] = [];
  for (const f of forced) if (!kept.length || f.start >= kept[kept.length - 1].end) kept.push(f);
  const rest = withoutOverlaps(work, kept);
  // a lexicon name also fixes the type of the same string wherever the model found it
  return dedupe([...kept, ...rest]);
}

// How sure the detector was, bounded: a tie-breaker between types with as many mentions each.
const voteWeight = (m: Working) => (m.confidence === undefined ? 1 : Math.max(0.05, Math.min(m.confidence, 10)));

/** The same surface string gets one type throughout the article: the lexicon's, else the majority's. */
function unifyTypes(work: Working[]): void {
  const votes = new Map<string, { counts: Map<EntityType, number>; first: EntityType; fixed?: EntityType }>();
  for (const m of work) {
    let v = votes.get(m.surface);
    if (!v) { v = { counts: new Map(), first: m.type }; votes.set(m.surface, v); }
    if (m.fixed) v.fixed = m.type;
    // one vote per mention; the confidence only breaks ties
    v.counts.set(m.type, (v.counts.get(m.type) ?? 0) + 1 + 0.001 * voteWeight(m));
  }
  const decided = new Map<string, EntityType>();
  for (const [surface, v] of votes) {
    if (v.fixed) { decided.set(surface, v.fixed); continue; }
    let best = v.first;
    for (const [t, c] of v.counts) if (c > (v.counts.get(best) ?? 0)) best = t;
    decided.set(surface, best);
  }
  for (const m of work) m.type = decided.get(m.surface) ?? m.type;
}

/**
 * Short forms take the type of the full name they shorten: a one-word place or organization that is the last word
 * of a person's full name is that person ("Assad"); a one-word "person" that is the first or last word of an
 * organization's name, and no word of a person's, is that organization ("Sabah" after "Daily Sabah", "Pirelli"
 * after "Pirelli SpA").
 */
function shortFormsFollowFullNames(work: Working[]): void {
  const surnames = new Set<string>();
  const personWords = new Set<string>();
  const orgEnds = new Set<string>();
  const orgStarts = new Set<string>();
  for (const m of work) {
    const words = m.surface.split(' ');
    if (words.length < 2) continue;
    if (m.type === 'person') {
      surnames.add(normWord(words[words.length - 1]));
      for (const w of words) personWords.add(normWord(w));
    }
    if (m.type === 'organization') {
      orgEnds.add(normWord(words[words.length - 1]));
      orgStarts.add(normWord(words[0]));
    }
  }
  if (surnames.size === 0 && orgEnds.size === 0) return;
  for (const m of work) {
    if (m.fixed || m.surface.includes(' ')) continue;
    const w = normWord(m.surface);
    if (m.type !== 'person' && surnames.has(w)) m.type = 'person';
    else if (m.type === 'person' && (orgEnds.has(w) || orgStarts.has(w)) && !personWords.has(w)) m.type = 'organization';
  }
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
/** A capitalised word that is part of another name (titles such as "Mr" or "President" are not). */
const isNameWord = (t: Token) => isCapitalised(t) && !isTitle(t);

/** "Islamic State (IS)": the bracketed acronym names the same thing; its occurrences become mentions of it. */
/** "IS" for "Islamic State", "Nato" for "North Atlantic Treaty Organisation", "OIC" for "Organisation of Islamic Co-operation". */
function isAcronymOf(acr: string, name: string): boolean {
  const words = name.split(/[\s]+/).filter(Boolean);
  if (words.length < 2) return false;
  const letters = acr.toUpperCase().replace(/[^\p{Lu}]/gu, '');
  const capitalInitials = words.filter(w => /^\p{Lu}/u.test(w)).map(w => w[0]).join('').toUpperCase();
  const allInitials = words.map(w => w[0]).join('').toUpperCase();
  return letters.length >= 2 && (letters === capitalInitials || letters === allInitials);
}

function linkAcronyms(text: string, work: Working[], expansions: Map<string, string>): Working[] {
  const added: Working[] = [];
  for (const m of work) {
    let i = m.end;
    while (i < text.length && text[i] === ' ') i++;
    if (text[i] !== '(') continue;
    const close = text.indexOf(')', i);
    if (close < 0 || close - i > 12) continue;
    const acr = text.slice(i + 1, close).trim();
    if (!/^\p{Lu}[\p{Lu}\p{Ll}&-]{0,9}$/u.test(acr) || acr.toUpperCase() !== acr && !/^\p{Lu}\p{Ll}+$/u.test(acr)) continue;
    if (m.type === 'person' || !isAcronymOf(acr, m.surface)) continue;
    const at = text.indexOf(acr, i);
    if (!expansions.has(acr)) expansions.set(acr, m.surface);
    added.push({ start: at, end: at + acr.length, type: m.type, surface: acr, fixed: m.fixed });
  }
  if (added.length === 0) return work;
  const acronymType = new Map(added.map(a => [a.surface, a.type]));
  for (const m of work) if (!m.fixed && acronymType.has(m.surface)) m.type = acronymType.get(m.surface)!;
  added.sort(byPosition);
  return dedupe([...work, ...withoutOverlaps(added, work)]);
}

let placeWords: Set<string> | null = null;
const ORG_SUFFIXES = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'group', 'ag', 'sa', 'nv', 'bv', 'spa', 'gmbh', 'holdings', 'international']);

/** A one-word name of a known place ("France"): never taken for a surname or an organization's short form. */
function isPlaceWord(word: string): boolean {
  if (!placeWords) {
    const lists = gazetteerLists as Record<string, string[]>;
    placeWords = new Set([...(lists.loc ?? []), ...(lists.tLOC ?? [])].filter(n => !n.includes(' ')));
  }
  return placeWords.has(word.toLowerCase());
}

/** A word that names this organization rather than a kind of thing or a place. */
function isDistinctiveWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return w.length >= 3 && !COMMON_WORDS.has(w) && !isPlaceWord(w) && !ORG_SUFFIXES.has(w) && !isTitle({ text: w } as Token);
}

interface LineInfo {
  tokens: Token[];
  /** Indices of the tokens that start with a capital: the only places a name can start. */
  capitals: number[];
}

// Tokens of each line, remembered across calls: after an edit only the edited line is tokenized again, so the
// document-level pass stays cheap on long articles. Bounded; a pure memo of tokenize().
const lineCache = new Map<string, LineInfo>();
const LINE_CACHE_MAX = 50000;

function lineInfo(line: string): LineInfo {
  let info = lineCache.get(line);
  if (!info) {
    const tokens = tokenize(line);
    const capitals: number[] = [];
    tokens.forEach((t, i) => { if (isCapitalised(t)) capitals.push(i); });
    info = { tokens, capitals };
    if (lineCache.size >= LINE_CACHE_MAX) lineCache.clear();
    lineCache.set(line, info);
  }
  return info;
}

/** Calls `fn` with each line's start offset and its memoised tokens (offsets relative to the line). */
function forEachLine(text: string, fn: (lineStart: number, info: LineInfo) => void): void {
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    fn(lineStart, lineInfo(text.slice(lineStart, lineEnd)));
    lineStart = lineEnd + 1;
  }
}

/** Later (or earlier) occurrences of a name the model found elsewhere in the article become mentions too. */
function propagate(text: string, work: Working[]): Working[] {
  interface Pattern { words: string[]; type: EntityType; surface: string; fixed: boolean }
  const patterns = new Map<string, Pattern[]>();
  const seen = new Set<string>();
  const addPattern = (p: Pattern) => {
    const list = patterns.get(p.words[0]) ?? [];
    list.push(p);
    list.sort((a, b) => b.words.length - a.words.length);
    patterns.set(p.words[0], list);
  };
  for (const m of work) {
    if (seen.has(m.surface) || NEVER_PROPAGATE.has(m.surface) || m.surface.length < 2) continue;
    seen.add(m.surface);
    const words = tokenize(m.surface).map(t => t.text);
    if (words.length === 0 || !/^\p{Lu}/u.test(words[0])) continue;
    addPattern({ words, type: m.type, surface: m.surface, fixed: m.fixed });
    // a person's surname alone ("Lavrov" after "Sergey Lavrov"), an organization's distinctive last word alone
    // ("Sabah" after "Daily Sabah"; not "England" after "Bank of England", nor "Inc" or "Commission")
    const last = words[words.length - 1];
    if (words.length < 2 || seen.has(last) || !/^\p{Lu}\p{Ll}/u.test(last)) continue;
    if (m.type === 'person' || (m.type === 'organization' && isDistinctiveWord(last))) {
      seen.add(last);
      addPattern({ words: [last], type: m.type, surface: last, fixed: false });
    }
  }
  if (patterns.size === 0) return work;
  const added: Working[] = [];
  let j = 0; // first mention that ends after the current position (work is sorted and without overlaps)
  forEachLine(text, (lineStart, { tokens, capitals }) => {
    let skipUntil = -1;
    for (const i of capitals) {
      if (i < skipUntil) continue;
      const list = patterns.get(tokens[i].text);
      if (!list) continue;
      for (const p of list) {
        const last = i + p.words.length - 1;
        if (last >= tokens.length) continue;
        let ok = true;
        for (let k = 1; ok && k < p.words.length; k++) ok = tokens[i + k].text === p.words[k];
        if (!ok) continue;
        const start = lineStart + tokens[i].start;
        const end = lineStart + tokens[last].end;
        while (j < work.length && work[j].end <= start) j++;
        if (j < work.length && work[j].start < end) continue;
        // inside a longer capitalised name ("U.S. Open") it is another name, not this one
        const before = i > 0 ? tokens[i - 1] : null;
        const after = last + 1 < tokens.length ? tokens[last + 1] : null;
        if (before && isNameWord(before) && !tokens[i].sentenceStart && !before.sentenceStart) break;
        if (after && isNameWord(after) && !after.sentenceStart) break;
        added.push({ start, end, type: p.type, surface: p.surface, fixed: p.fixed });
        skipUntil = last + 1;
        break;
      }
    }
  });
  return added.length ? dedupe([...work, ...added]) : work;
}

const normWord = (w: string) => w.toLowerCase().replace(ARABIC_ARTICLE, '');

/** Groups mentions into entities; ids in order of first mention; canonical name = longest full form. */
function buildEntities(work: Working[], expansions: ReadonlyMap<string, string>): GroupingResult {
  interface Form { surface: string; type: EntityType; words: string[]; first: number; lastSeen: number }
  const forms = new Map<string, Form>();
  const key = (type: EntityType, surface: string) => `${type}\u0000${surface}`;
  const formOf: Form[] = work.map((m, idx) => {
    const k = key(m.type, m.surface);
    let f = forms.get(k);
    if (!f) {
      const words = tokenize(m.surface).filter(t => /[\p{L}\p{N}]/u.test(t.text)).map(t => normWord(t.text));
      f = { surface: m.surface, type: m.type, words, first: idx, lastSeen: -1 };
      forms.set(k, f);
    }
    return f;
  });
  // word -> the multi-word forms containing it, to find the full form of a short one without an all-pairs scan
  const containing = new Map<string, Form[]>();
  for (const f of forms.values()) {
    if (f.words.length < 2) continue;
    for (const w of new Set(f.words)) {
      const list = containing.get(`${f.type}\u0000${w}`) ?? [];
      list.push(f);
      containing.set(`${f.type}\u0000${w}`, list);
    }
  }
  const contains = (long: Form, short: Form): boolean => {
    if (long.type === 'place') return false;
    const L = long.words; const S = short.words;
    if (S.length >= L.length) return false;
    // an organization is shortened from its start ("Syrian Observatory"), or to its last word ("Sabah")
    if (long.type === 'organization' && S.length === 1 && L[L.length - 1] === S[0]) return true;
    const maxStart = long.type === 'organization' ? 0 : L.length - S.length;
    for (let s = 0; s <= maxStart; s++) {
      let ok = true;
      for (let k = 0; ok && k < S.length; k++) ok = L[s + k] === S[k];
      if (ok) return true;
    }
    return false;
  };
  // each form's candidate full forms: the longest forms containing it (computed once per form)
  const candidates = new Map<Form, Form[]>();
  const candidatesOf = (f: Form): Form[] => {
    let list = candidates.get(f);
    if (list) return list;
    const expansion = expansions.get(f.surface);
    const expanded = expansion !== undefined ? forms.get(key(f.type, expansion)) : undefined;
    if (expanded && expanded !== f) list = [expanded];
    else if (f.words.length === 0) list = [];
    else {
      const all = (containing.get(`${f.type}\u0000${f.words[0]}`) ?? []).filter(l => contains(l, f));
      const longest = Math.max(0, ...all.map(c => c.words.length));
      list = all.filter(c => c.words.length === longest);
    }
    candidates.set(f, list);
    return list;
  };
  // ties between full forms of the same length go to the one seen most recently
  const parentOf = (f: Form): Form => {
    const list = candidatesOf(f);
    if (list.length <= 1) return list[0] ?? f;
    let best = list[0];
    for (const c of list) if (c.lastSeen > best.lastSeen) best = c;
    return best;
  };
  const groups = new Map<Form, { entity: Entity; surfaces: Set<string>; canonical: Form }>();
  const entities: Entity[] = [];
  const grouped: GroupedMention[] = [];
  for (let idx = 0; idx < work.length; idx++) {
    const m = work[idx];
    const form = formOf[idx];
    let root = parentOf(form);
    for (let guard = 0; guard < 4; guard++) { const p = parentOf(root); if (p === root) break; root = p; }
    form.lastSeen = m.start;
    root.lastSeen = Math.max(root.lastSeen, m.start);
    let g = groups.get(root);
    if (!g) {
      const entity: Entity = { id: `e${entities.length + 1}`, type: m.type, name: root.surface, aliases: [] };
      g = { entity, surfaces: new Set(), canonical: root };
      groups.set(root, g);
      entities.push(entity);
    }
    g.surfaces.add(m.surface);
    grouped.push({ start: m.start, end: m.end, type: m.type, entity: g.entity.id });
  }
  for (const g of groups.values()) {
    g.surfaces.add(g.canonical.surface);
    g.entity.aliases = [...g.surfaces].sort();
    g.entity.name = g.canonical.surface;
  }
  return { mentions: grouped, entities };
}
