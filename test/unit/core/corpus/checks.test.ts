// Consistency checks: types within an article and across the corpus, unannotated names, shared aliases; kept up
// to date one article at a time (the same findings as a corpus built afresh).
import { strict as assert } from 'node:assert';
import { checkArticle, checkCorpus, Corpus, emptyDecisions, setCorrection, type CorpusArticle } from '../../../../src/core';
import { analyzed, handmade } from './helpers';

const jordanAs = (path: string, type: 'person' | 'place', manual = false) => handmade(path, `News from Jordan today.`, [{ text: 'Jordan', type, manual }]);

describe('consistency checks', () => {
  it('a name typed differently within an article: the majority type, with every other mention in the fix', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'Jordan said. Jordan left. Jordan returned.', [
        { text: 'Jordan', type: 'place' },
        { text: 'Jordan', type: 'person' },
        { text: 'Jordan', type: 'place' },
      ]),
    );
    assert.deepEqual(checkArticle(c, 'a.txt'), [
      {
        code: 'type-in-article',
        path: 'a.txt',
        start: 13,
        end: 19,
        message: '"Jordan" is a person here but a place elsewhere in this article: make it a place (as most of its mentions are)',
        fix: { kind: 'retype', path: 'a.txt', annotations: ['a2'], type: 'place' },
      },
    ]);
  });

  it('within an article the manual choice wins over the majority', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'Jordan said. Jordan left. Jordan returned.', [
        { text: 'Jordan', type: 'place' },
        { text: 'Jordan', type: 'person', manual: true },
        { text: 'Jordan', type: 'place' },
      ]),
    );
    const [f] = checkArticle(c, 'a.txt');
    assert.deepEqual(f.fix, { kind: 'retype', path: 'a.txt', annotations: ['a1', 'a3'], type: 'person' });
    assert.equal(f.start, 0);
    assert.match(f.message, /make it a person \(as typed by hand in this article\)/);
  });

  it('across the corpus: the minority is told the majority type; a tie says nothing; a manual choice anywhere wins', () => {
    const c = new Corpus();
    c.setArticle(jordanAs('1.txt', 'place'));
    c.setArticle(jordanAs('2.txt', 'place'));
    c.setArticle(jordanAs('3.txt', 'person'));
    assert.deepEqual(checkCorpus(c), [
      {
        code: 'type-in-corpus',
        path: '3.txt',
        start: 10,
        end: 16,
        message: '"Jordan" is a person here but a place in 2 articles',
        fix: { kind: 'retype', path: '3.txt', annotations: ['a1'], type: 'place' },
      },
    ]);
    c.removeArticle('2.txt');
    assert.deepEqual(checkCorpus(c), [], 'one each: no majority');
    c.setArticle(jordanAs('4.txt', 'person', true));
    const findings = checkCorpus(c);
    assert.deepEqual(
      findings.map(f => [f.path, f.code, f.message]),
      [['1.txt', 'type-in-corpus', '"Jordan" is a place here but typed by hand as a person in 1 article']],
    );
  });

  it('a name annotated by hand elsewhere and left unannotated here: annotate, with the offsets', () => {
    const c = new Corpus();
    c.setArticle(handmade('a.txt', 'The Hemeimeem air base.', [{ text: 'Hemeimeem', type: 'place', manual: true }]));
    const text = 'Jets left Hemeimeem. Hemeimeemx is not it. Hemeimeem again, and Hemeimeem.';
    const b: CorpusArticle = { ...handmade('b.txt', text, [{ text: 'Hemeimeem', type: 'place' }]), rejections: [{ start: 64, end: 73 }] };
    c.setArticle(b);
    const findings = checkArticle(c, 'b.txt');
    assert.deepEqual(findings, [
      {
        code: 'unannotated',
        path: 'b.txt',
        start: 43,
        end: 52,
        message: '"Hemeimeem" is annotated by hand as a place in other articles but not here',
        fix: { kind: 'annotate', path: 'b.txt', start: 43, end: 52, type: 'place', text: 'Hemeimeem' },
      },
    ]);
    assert.deepEqual(checkArticle(c, 'a.txt'), [], 'its own manual annotation does not count for itself');
    // rejected in every article: never suggested
    c.setDecisions(setCorrection(emptyDecisions(), { name: 'Hemeimeem', action: 'reject' }));
    assert.deepEqual(checkArticle(c, 'b.txt'), []);
  });

  it('two corpus entities sharing an alias: one finding per article where it is mentioned, fixed by a merge', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'Bashar al-Assad. Assad.', [
        { text: 'Bashar al-Assad', type: 'person' },
        { text: 'Assad', type: 'person', entity: 'Bashar al-Assad' },
      ]),
    );
    c.setArticle(
      handmade('b.txt', 'Hafez al-Assad. Assad. Assad.', [
        { text: 'Hafez al-Assad', type: 'person' },
        { text: 'Assad', type: 'person', entity: 'Hafez al-Assad' },
        { text: 'Assad', type: 'person', entity: 'Hafez al-Assad' },
      ]),
    );
    const findings = checkCorpus(c);
    assert.deepEqual(
      findings.map(f => [f.path, f.start, f.code, f.message]),
      [
        ['a.txt', 17, 'shared-alias', '"Assad" names both "Bashar al-Assad" and "Hafez al-Assad" in the corpus: merge them if they are the same'],
        ['b.txt', 16, 'shared-alias', '"Assad" names both "Hafez al-Assad" and "Bashar al-Assad" in the corpus: merge them if they are the same'],
      ],
    );
    assert.deepEqual(findings[0].fix, {
      kind: 'merge',
      entities: ['person:hafez al-assad', 'person:bashar al-assad'],
      decision: { kind: 'merge', entity: { type: 'person', name: 'Hafez al-Assad' }, with: [{ type: 'person', name: 'Bashar al-Assad' }] },
    });
    // applying the fix leaves nothing to report
    const fix = findings[0].fix;
    assert.equal(fix.kind, 'merge');
    if (fix.kind === 'merge') c.setDecisions({ ...emptyDecisions(), entities: [fix.decision] });
    assert.deepEqual(checkCorpus(c), []);
  });

  it('kept up to date article by article: the same findings as a corpus built afresh', () => {
    const pool: CorpusArticle[] = [
      jordanAs('j1.txt', 'place'),
      jordanAs('j2.txt', 'person'),
      jordanAs('j3.txt', 'place', true),
      handmade('h1.txt', 'Hemeimeem and Jordan', [{ text: 'Hemeimeem', type: 'place', manual: true }]),
      handmade('h2.txt', 'Hemeimeem and Jordan', [{ text: 'Jordan', type: 'place' }]),
      handmade('a1.txt', 'Bashar al-Assad. Assad.', [
        { text: 'Bashar al-Assad', type: 'person' },
        { text: 'Assad', type: 'person', entity: 'Bashar al-Assad' },
      ]),
      handmade('a2.txt', 'Hafez al-Assad. Assad.', [
        { text: 'Hafez al-Assad', type: 'person' },
        { text: 'Assad', type: 'person', entity: 'Hafez al-Assad' },
      ]),
      analyzed('p.txt', 'Vladimir Putin met Recep Tayyip Erdogan in Moscow. Putin smiled at Jordan.'),
    ];
    const c = new Corpus();
    const current = new Map<string, CorpusArticle>();
    // a fixed pseudo-random walk: adds, replacements (same path, another article) and removals
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let step = 0; step < 60; step++) {
      const a = pool[Math.floor(next() * pool.length)];
      const path = ['x.txt', 'y.txt', 'z.txt', 'w.txt'][Math.floor(next() * 4)];
      if (next() < 0.25) {
        c.removeArticle(path);
        current.delete(path);
      } else {
        const moved = { ...a, path };
        c.setArticle(moved);
        current.set(path, moved);
      }
      checkCorpus(c); // the tables are brought up to date at every step
      const fresh = new Corpus();
      for (const x of current.values()) fresh.setArticle(x);
      assert.deepEqual(checkCorpus(c), checkCorpus(fresh), `step ${step}`);
    }
  });
});
