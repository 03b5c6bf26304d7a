// The findings kept up to date incrementally (CorpusFindings: only the articles a change can affect checked again)
// must equal checkCorpus over the corpus as it is, after every change of random sequences: articles set, replaced
// with fewer annotations (their text keeps the names: unannotated occurrences), with a mention retyped or made by
// hand, removed; decisions changed. And an update reports exactly the paths whose findings changed.
import { strict as assert } from 'node:assert';
import { checkCorpus, Corpus, CorpusFindings, type CorpusArticle, type EntityType, type Finding, type FindingsChange } from '../../../../src/core';
import { prng } from '../../../support/distinct-article';
import { PATHS, randomArticle, randomDecisions } from './helpers';

const TYPES: EntityType[] = ['person', 'place', 'organization'];

/** The article with one mention changed: another type, or made by hand (what an annotator's correction does). */
function corrected(a: CorpusArticle, rand: () => number): CorpusArticle {
  const i = Math.floor(rand() * a.annotations.length);
  const annotations = a.annotations.map((x, k) => {
    if (k !== i) return x;
    return rand() < 0.5 ? { ...x, type: TYPES[Math.floor(rand() * TYPES.length)], source: 'manual' as const } : { ...x, source: 'manual' as const };
  });
  return { ...a, annotations };
}

const byPath = (findings: readonly Finding[]) => {
  const out = new Map<string, string>();
  for (const f of findings) out.set(f.path, `${out.get(f.path) ?? ''}${JSON.stringify(f)}\n`);
  return out;
};

describe('corpus findings kept up to date', () => {
  for (let seed = 1; seed <= 100; seed++) {
    it(`equal checkCorpus after each change, and name the articles whose findings changed (random sequence ${seed})`, () => {
      const rand = prng(seed * 7919);
      const c = new Corpus();
      const findings = new CorpusFindings();
      let before = new Map<string, string>();
      // whether the decisions changed since the last update (then everything is checked again; else only some)
      let decided = true;
      for (let step = 0; step < 60; step++) {
        const path = PATHS[Math.floor(rand() * PATHS.length)];
        const a = c.article(path);
        const r = rand();
        let what: string;
        if (r < 0.4 || !a) {
          c.setArticle(randomArticle(rand, path));
          what = `set ${path}`;
        } else if (r < 0.6) {
          c.setArticle({ ...a, annotations: a.annotations.filter(() => rand() < 0.7) });
          what = `fewer annotations in ${path}`;
        } else if (r < 0.85) {
          c.setArticle(corrected(a, rand));
          what = `a mention corrected in ${path}`;
        } else if (r < 0.95) {
          c.removeArticle(path);
          what = `remove ${path}`;
        } else {
          c.setDecisions(randomDecisions(rand));
          decided = true;
          what = 'decisions';
        }
        // sometimes several changes before the findings are looked at (the editor waits for a quiet moment)
        if (rand() < 0.3) continue;
        // now and then in steps, as the editor makes a check of every article: sometimes left half-way while the
        // corpus changes again (the next call starts it again), else finished by update (it goes on from there)
        let change: FindingsChange | undefined;
        if (rand() < 0.3) {
          change = findings.step(c, () => rand() < 0.2);
          if (change === undefined && rand() < 0.5) continue;
        }
        change ??= findings.update(c);
        const expected = checkCorpus(c);
        assert.equal(JSON.stringify(findings.all()), JSON.stringify(expected), `seed ${seed}, step ${step} (${what})`);
        const now = byPath(expected);
        assert.equal(change.all, decided, `seed ${seed}, step ${step} (${what}): everything checked again only for new decisions`);
        decided = false;
        if (!change.all) {
          // every path whose findings differ is reported (a reported path may keep its findings: its article changed)
          const differ = [...new Set([...before.keys(), ...now.keys()])].filter(p => before.get(p) !== now.get(p)).sort();
          for (const p of differ) assert.ok(change.paths.includes(p), `seed ${seed}, step ${step} (${what}): ${p} not reported`);
        }
        for (const p of c.paths())
          assert.equal(
            findings
              .findingsOf(p)
              .map(f => `${JSON.stringify(f)}\n`)
              .join(''),
            now.get(p) ?? '',
            p,
          );
        before = now;
      }
    });
  }

  it('checks every article in steps, the previous findings read until the last step', () => {
    const c = new Corpus();
    const findings = new CorpusFindings();
    const rand = prng(5);
    for (let i = 0; i < 30; i++) c.setArticle(randomArticle(rand, `a${String(i).padStart(2, '0')}.txt`));
    // one article per step: 30 steps, the last one saying what changed
    let steps = 1;
    let change: FindingsChange | undefined;
    while ((change = findings.step(c, () => true)) === undefined) {
      assert.deepEqual(findings.all(), [], 'nothing read before the first check ends');
      steps++;
    }
    assert.equal(steps, 30);
    assert.equal(change.all, true);
    assert.equal(change.checked, 30);
    const first = JSON.stringify(checkCorpus(c));
    assert.equal(JSON.stringify(findings.all()), first);
    // new decisions: every article again; the corpus changes half-way, so the check starts again
    c.setDecisions(randomDecisions(rand));
    for (let i = 0; i < 10; i++)
      assert.equal(
        findings.step(c, () => true),
        undefined,
      );
    assert.equal(JSON.stringify(findings.all()), first, 'the previous findings until it ends');
    c.setArticle(randomArticle(rand, 'a03.txt'));
    steps = 1;
    while ((change = findings.step(c, () => true)) === undefined) steps++;
    assert.equal(steps, 30, 'started again');
    assert.equal(change.all, true);
    assert.equal(JSON.stringify(findings.all()), JSON.stringify(checkCorpus(c)));
    // a change after that: checked in one step, whatever the time
    c.setArticle({ ...c.article('a07.txt')! });
    assert.deepEqual(
      findings.step(c, () => true),
      { all: false, paths: ['a07.txt'], checked: 1 },
    );
  });

  it('after one article saved, checks only the articles its changes reach', () => {
    const c = new Corpus();
    const findings = new CorpusFindings();
    const rand = prng(3);
    for (let i = 0; i < 40; i++) c.setArticle(randomArticle(rand, `a${String(i).padStart(2, '0')}.txt`));
    findings.update(c);
    // the same article again, a new object with the same content: nothing else is affected
    const a = c.article('a07.txt')!;
    c.setArticle({ ...a });
    assert.deepEqual(findings.update(c), { all: false, paths: ['a07.txt'], checked: 1 });
    assert.deepEqual(findings.update(c), { all: false, paths: [], checked: 0 }, 'nothing changed since');
    assert.equal(JSON.stringify(findings.all()), JSON.stringify(checkCorpus(c)));
  });
});
