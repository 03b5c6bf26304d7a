// The reconcile in steps (reconcileSteps, which the session runs a few steps per task after the analysis's own steps)
// gives exactly what the one-shot reconcile gives: on random edits of an article carrying the user's work (manual
// annotations, retypes, rejections, reviews), with the steps cut small so a run stops at every place, and through the
// session with runs dropped half-way (in the analysis or in the reconcile) because typing came in between.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../../src/core/analyze';
import { acceptAnnotations } from '../../../../src/core/session/review';
import { ArticleSession } from '../../../../src/core/session/session';
import { addAnnotation, removeAnnotation, retypeAnnotation } from '../../../../src/core/sidecar/edit';
import { analyzeOptionsFor, reconcile, reconcileSteps, type ReconcileInput } from '../../../../src/core/sidecar/reconcile';
import { reconcileRun, type ReconcileSlices } from '../../../../src/core/sidecar/reconcileRun';
import type { TextChange } from '../../../../src/core/sidecar/textChanges';
import { distinctArticle, prng } from '../../../support/distinct-article';
import { InMemoryStorage } from '../../../support/inMemoryStorage';
import { randomEdit } from '../../../support/random-edit';

const NOW = '2026-11-29T00:00:00.000Z';

/** The one change that turns `before` into `after` (their common start and end kept). */
function changeBetween(before: string, after: string): TextChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

/** reconcileRun with the given slices, run to the end; and how many steps it took. */
function stepped(input: ReconcileInput, slices: ReconcileSlices): { out: ReturnType<typeof reconcile>; steps: number } {
  const run = reconcileRun(input, slices);
  for (let steps = 1; ; steps++) {
    const next = run.next();
    if (next.done) return { out: next.value, steps };
  }
}

describe('reconcileSteps: the reconcile in bounded steps', function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 4; seed++) {
    it(`equals the one-shot reconcile on 25 random edits with the user's work, some runs dropped half-way (seed ${seed})`, async () => {
      const rand = prng(seed * 7919);
      const text0 = distinctArticle(5000 + 1500 * seed, seed + 30);
      const analyzer = new Analyzer();
      const session = new ArticleSession({
        storage: new InMemoryStorage(),
        sidecarPath: 'a.txt.annotations.json',
        file: 'a.txt',
        now: () => NOW,
        analyzer: {
          analyze: (text, options) => analyzer.analyze(text, { ...options, document: 'a' }),
          analyzeSteps: (text, options) => analyzer.analyzeSteps(text, { ...options, document: 'a' }),
        },
      });
      await session.load();
      let text = text0;
      let version = 1;
      session.analyze(text, { version });
      /** Types `next` into the session as the editor's change events do. */
      const type = (next: string) => {
        session.textChanged(next, [changeBetween(text, next)], ++version);
        text = next;
      };
      /** Some work of the user's on a random automatic mention: a manual span beside it, a retype, a rejection, a review. */
      const work = () => {
        const autos = session.sidecar!.annotations.filter(a => a.source === 'auto');
        const a = autos[Math.floor(rand() * autos.length)];
        const kind = Math.floor(rand() * 4);
        if (kind === 0)
          session.edit('Add', text, (s, t) => addAnnotation(s, t, { start: a.start, end: Math.min(t.length, a.end + 4) }, 'organization'), { version });
        else if (kind === 1) session.edit('Retype', text, (s, t) => retypeAnnotation(s, t, a.id, a.type === 'place' ? 'person' : 'place'), { version });
        else if (kind === 2) session.edit('Remove', text, (s, t) => removeAnnotation(s, t, a.id), { version });
        else session.edit('Accept', text, s => acceptAnnotations(s, [a.id]), { version });
      };
      for (let i = 0; i < 25; i++) {
        if (rand() < 0.3) work();
        type(randomEdit(text, rand));
        if (rand() < 0.4) {
          // a run dropped after some steps (in the analysis or well into the reconcile): typing came in between
          const dropped = session.startAnalysis(text, { version });
          let finished = false;
          for (let k = Math.floor(rand() * 40); k > 0 && !finished; k--) finished = dropped.step();
          const reconciling = dropped.analyzed;
          type(randomEdit(text, rand));
          if (!finished) {
            const moved = session.sidecar;
            assert.equal(dropped.stale, true);
            assert.equal(dropped.step(), true, 'a stale run has nothing left to run');
            assert.equal(dropped.finish(), undefined, `a run dropped ${reconciling ? 'in its reconcile' : 'in its analysis'} changes nothing`);
            assert.equal(session.sidecar, moved);
          }
        }
        const previous = session.sidecar!;
        const copy = structuredClone(previous);
        // as the session calls it: the hash names the text first analyzed (nothing was saved)
        const input: ReconcileInput = {
          text,
          file: 'a.txt',
          analysis: new Analyzer(0).analyze(text, analyzeOptionsFor(previous)),
          previous,
          now: NOW,
          sameText: text === text0,
        };
        const expected = reconcile(input);
        // every cut: slices of one or a few mentions, entities and manual annotations
        const slices = { mentions: 1 + Math.floor(rand() * 7), entities: 1 + Math.floor(rand() * 3), manual: 1 };
        const small = stepped(input, slices);
        assert.deepStrictEqual(small.out, expected, `after edit ${i + 1}, slices ${JSON.stringify(slices)}`);
        assert.ok(small.steps > expected.sidecar.annotations.length / slices.mentions, `${small.steps} steps`);
        // the session's run in steps, the reconcile's included
        const pending = session.startAnalysis(text, { version });
        let steps = 1;
        while (!pending.step()) steps++;
        const out = pending.finish();
        assert.deepStrictEqual(out, expected, `after edit ${i + 1}: the session's run in ${steps} steps`);
        assert.equal(session.sidecar, out?.sidecar);
        assert.deepStrictEqual(previous, copy, 'the steps changed the sidecar they were given');
      }
    });
  }

  it('takes several bounded steps on the default slices, and reconcile runs the same steps to the end', () => {
    const text = distinctArticle(200_000, 3);
    const analysis = new Analyzer(0).analyze(text);
    const first = reconcile({ text, file: 'a.txt', analysis, now: NOW });
    const typed = text.slice(0, 1000) + ' and Mr Kowalczyk said so' + text.slice(1000);
    const input = { text: typed, file: 'a.txt', analysis: new Analyzer(0).analyze(typed), previous: first.sidecar, now: NOW };
    const run = reconcileSteps(input);
    let steps = 1;
    let out;
    while (!(out = run.step())) steps++;
    assert.ok(steps > 5, `${steps} steps`);
    assert.deepStrictEqual(out, reconcile(input));
    assert.equal(run.step(), out, 'a finished run keeps handing out its output');
  });
});
