// Typing in a name regroups only what the edited line touched (entities/regroup.ts) when it can follow the change
// exactly, and groups the whole article otherwise: on edits made to exercise both (letters typed in names that other
// lines have too, names renamed to other names of the article, a surname or a first name alone, a short form's full
// name changed, acronyms in brackets, analyses under a lexicon in between), every re-analysis, whole or in steps, must
// equal a fresh analysis byte for byte, and the line's regrouping must have been the path taken for many of them.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalysisSteps } from '../../../src/core/analyze';
import type { DocumentState } from '../../../src/core/analyzeLines';
import { computeLineInfo } from '../../../src/core/entities/lines';
import { LineWords } from '../../../src/core/entities/line-words';
import { rematchCounts } from '../../../src/core/entities/regroup';
import type { AnalysisResult, Annotation, Lexicon } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';
import { randomEdit } from '../../support/random-edit';

const cold = (text: string, lexicon?: Lexicon) => new Analyzer(0).analyze(text, { lexicon });

/** The range [start, end) of `old` that `next` replaced, and the length put in its place. */
function changeOf(old: string, next: string): { start: number; end: number; insertedLength: number } {
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let suffix = 0;
  while (suffix < old.length - start && suffix < next.length - start && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return { start, end: old.length - suffix, insertedLength: next.length - suffix - start };
}

function runAll(run: AnalysisSteps): AnalysisResult {
  for (;;) {
    const result = run.step();
    if (result) return result;
  }
}

/** One edit inside one line, at or in one of the names: mostly what the line's regrouping handles, sometimes not. */
function lineEdit(text: string, annotations: readonly Annotation[], rand: () => number): string {
  const names = annotations.filter(a => a.type !== 'date' && !text.slice(a.start, a.end).includes('\n'));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const n = pick(names);
  const inside = n.start + 1 + Math.floor(rand() * Math.max(1, n.end - n.start - 1));
  const r = rand();
  // a letter typed, deleted or replaced inside the name (the name becomes another surface)
  if (r < 0.3) return text.slice(0, inside) + pick([...'aeixzk']) + text.slice(inside);
  if (r < 0.45) return text.slice(0, inside) + text.slice(inside + 1);
  if (r < 0.55) return text.slice(0, inside) + pick([...'aeoz']) + text.slice(inside + 1);
  const words = n.text.split(' ');
  // renamed to another name of the article (votes move from one surface to another), or to a word of its own
  if (r < 0.7) return text.slice(0, n.start) + pick(names).text + text.slice(n.end);
  if (r < 0.8) return text.slice(0, n.start) + (rand() < 0.5 ? words[words.length - 1] : words[0]) + text.slice(n.end);
  // the name and a neighbouring word typed over: lowercased, or a word added to it
  if (r < 0.88) return text.slice(0, n.start) + n.text.toLowerCase() + text.slice(n.end);
  if (r < 0.95) return text.slice(0, n.end) + pick([' Corp', ' Holdings', ' Rossi', ' Institute']) + text.slice(n.end);
  // an acronym in brackets after it (the line's regrouping leaves those to the whole grouping)
  return text.slice(0, n.end) + ` (${words.map(w => w[0]).join('')})` + text.slice(n.end);
}

describe("analyze: typing in a name regroups the edited line's names exactly as a whole grouping", function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 16; seed++) {
    it(`on 40 edits inside one line, a lexicon now and then (seed ${seed})`, () => {
      const rand = prng(seed * 4099);
      // a long article: its names recur in many lines (first names and surnames shared), as in a real one
      let text = distinctArticle(9000 + 1500 * (seed % 4), seed + 100);
      const warm = new Analyzer();
      let result = warm.analyze(text, { document: 'a' });
      const before = warm.regroupings;
      const built = warm.regroupedResults;
      for (let i = 0; i < 40; i++) {
        text = lineEdit(text, result.annotations, rand);
        // a lexicon names one of the article's names: the whole grouping runs, then the next edits start from it
        const lexicon: Lexicon | undefined = i % 9 === 4 ? { [result.annotations.find(a => a.type === 'person')!.text]: 'organization' } : undefined;
        result = warm.analyze(text, { document: 'a', lexicon });
        assert.deepEqual(result, cold(text, lexicon), `after edit ${i + 1}`);
      }
      assert.ok(warm.regroupings - before >= 10, `the line's regrouping ran for ${warm.regroupings - before} of 40 edits`);
      // and the result was then built on the previous one (analyzeKeptRegroup.ts) for most of those
      assert.ok(warm.regroupedResults - built >= 5, `${warm.regroupedResults - built} results built on the previous one after a regrouping`);
    });
  }

  for (let seed = 1; seed <= 6; seed++) {
    it(`in steps, some runs dropped half-way (seed ${seed})`, () => {
      const rand = prng(seed * 8191);
      let text = distinctArticle(10000, seed + 130);
      const stepped = new Analyzer();
      let result = runAll(stepped.analyzeSteps(text, { document: 'a' }));
      for (let i = 0; i < 30; i++) {
        text = lineEdit(text, result.annotations, rand);
        if (rand() < 0.3) {
          const dropped = stepped.analyzeSteps(text, { document: 'a' });
          for (let k = 1 + Math.floor(rand() * 4); k > 0 && !dropped.step(); k--);
          text = lineEdit(text, result.annotations, rand);
        }
        result = runAll(stepped.analyzeSteps(text, { document: 'a' }));
        assert.deepEqual(result, cold(text), `after edit ${i + 1}`);
      }
    });
  }

  it('a name typed into, and undone, many times over: the kept counts and patterns stay exact', () => {
    const text = distinctArticle(20000, 7);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text);
    const names = annotations.filter(a => a.type !== 'date' && /^\p{Lu}\p{Ll}{2}/u.test(a.text));
    const n = warm.regroupings;
    const built = warm.regroupedResults;
    for (let k = 0; k < 30; k++) {
      const at = names[(k * 37) % names.length].start + 2;
      const typed = text.slice(0, at) + 'x' + text.slice(at);
      assert.deepEqual(warm.analyze(typed), cold(typed), `typed at ${at}`);
      assert.deepEqual(warm.analyze(text), cold(text), `undone at ${at}`);
    }
    assert.ok(warm.regroupings - n >= 40, `the line's regrouping ran for ${warm.regroupings - n} of 60 analyses`);
    assert.ok(warm.regroupedResults - built >= 40, `${warm.regroupedResults - built} of 60 results built on the previous one`);
  });

  it('typing in a word many names share matches again the lines holding it, and keeps those whose names come out as before', () => {
    const text = distinctArticle(20000, 7);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text);
    // an organization's first word ("Northern Steel Corp"): a name pattern's first word that dozens of lines hold
    const org = annotations.find(a => a.type === 'organization' && /^(Northern|Continental|United|Federal|Royal|Eastern|Western) /.test(a.text))!;
    const word = org.text.split(' ')[0];
    const holding = text.split('\n').filter(line => line.includes(word)).length;
    assert.ok(holding >= 5, `${holding} lines hold "${word}"`);
    const at = org.start + 2;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const n = warm.regroupings;
    const { matched, unchanged, compared } = rematchCounts;
    // (compared with fresh analyses afterwards: one in between would make its own patterns the current ones)
    const typedResult = warm.analyze(typed, { edit: { previous: text, start: at, end: at, insertedLength: 1 } });
    const undone = warm.analyze(text, { edit: { previous: typed, start: at, end: at + 1, insertedLength: 0 } });
    assert.equal(warm.regroupings - n, 2, "both edits regrouped the line's names");
    // each edit matched the other lines holding the word again; none of them found other names (no run of theirs)
    assert.ok(rematchCounts.matched - matched >= 2 * (holding - 1), `${rematchCounts.matched - matched} lines matched again`);
    assert.equal(rematchCounts.unchanged - unchanged, rematchCounts.matched - matched);
    // told by comparing their matches at the word with those before (the patterns changed in place): none visited
    assert.equal(rematchCounts.compared - compared, rematchCounts.matched - matched);
    assert.deepEqual(typedResult, cold(typed));
    assert.deepEqual(undone, cold(text));
  });

  for (let seed = 1; seed <= 4; seed++) {
    it(`on 40 edits in names with no other analysis in between: lines told unchanged by their matches alone (seed ${seed})`, () => {
      // the patterns stay the current ones from one edit to the next (a fresh analysis in between would make its own
      // current), so the lines holding a changed word are told unchanged by comparing their matches there; every
      // result is compared with a fresh analysis afterwards
      const rand = prng(seed * 3001);
      let text = distinctArticle(14000, seed + 200);
      const warm = new Analyzer();
      let result = warm.analyze(text, { document: 'a' });
      const compared = rematchCounts.compared;
      const runs: { text: string; result: AnalysisResult }[] = [];
      for (let i = 0; i < 40; i++) {
        const next = lineEdit(text, result.annotations, rand);
        result = warm.analyze(next, { document: 'a', edit: { previous: text, ...changeOf(text, next) } });
        runs.push({ text: next, result });
        text = next;
      }
      runs.forEach((run, i) => assert.deepEqual(run.result, cold(run.text), `after edit ${i + 1}`));
      assert.ok(rematchCounts.compared - compared >= 5, `${rematchCounts.compared - compared} lines told unchanged by their matches`);
    });
  }

  it("the kept index of the lines' words follows every edit while the grouping is kept", () => {
    // typing in ordinary words and capitalised ones that name nothing keeps the grouping, typing in names regroups:
    // the index a regrouping made must then hold each line's capitalised words now (else a later regrouping would
    // not match again a line that now holds a word whose patterns changed)
    const rand = prng(61);
    let text = distinctArticle(12000, 61);
    const warm = new Analyzer();
    let result = warm.analyze(text, { document: 'a' });
    const state = () => (warm as unknown as { documents: Map<string, DocumentState> }).documents.get('a')!;
    const words = new Set<string>();
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const next = i % 3 === 0 ? lineEdit(text, result.annotations, rand) : randomEdit(text, rand);
      result = warm.analyze(next, { document: 'a', edit: { previous: text, ...changeOf(text, next) } });
      assert.deepEqual(result, cold(next), `after edit ${i + 1}`);
      text = next;
      const index = state().grouping?.lineWords;
      const infos = text.split('\n').map(computeLineInfo);
      for (const info of infos) for (const k of info.capitals) words.add(info.tokens[k].text);
      if (!index) continue;
      checked++;
      const fresh = LineWords.of(infos);
      for (const w of words) assert.deepEqual(index.holding([w]), fresh.holding([w]), `"${w}" after edit ${i + 1}`);
    }
    assert.ok(checked >= 20, `the index was kept after ${checked} of 60 edits`);
  });

  for (let seed = 1; seed <= 4; seed++) {
    it(`names written otherwise than their surface and combining marks at line ends, edits in names and words (seed ${seed})`, () => {
      // "Anna  Weber" is the surface "Anna Weber" (an alias of its entity), a mark at a line's start may join the line
      // break before it: the result built after a regrouping must give way to the full one there
      const rand = prng(seed * 6007);
      const extra = [
        'Sean O\u2019Brien met Anna  Weber in Dublin.',
        '\u0301Anna Weber said Dublin was calm.',
        'Later O\u2019Brien and Weber left Dublin\u0301',
      ];
      const lines = distinctArticle(6000, seed + 300).split('\n');
      for (let k = 0; k < extra.length; k++) lines.splice(Math.floor(((k + 1) * lines.length) / 4), 0, extra[k]);
      let text = lines.join('\n');
      const warm = new Analyzer();
      let result = warm.analyze(text, { document: 'a' });
      for (let i = 0; i < 30; i++) {
        const next = rand() < 0.7 ? lineEdit(text, result.annotations, rand) : randomEdit(text, rand);
        const edit = { previous: text, ...changeOf(text, next) };
        result = warm.analyze(next, { document: 'a', edit });
        assert.deepEqual(result, cold(next), `after edit ${i + 1}`);
        text = next;
      }
    });
  }
});
