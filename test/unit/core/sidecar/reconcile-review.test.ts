// Reconcile keeps the user's review of automatic annotations: the fresh analysis's annotation at the same span and
// type stays accepted, through text edits (re-anchored) and the sidecar file (serialized and read back).
import { strict as assert } from 'node:assert';
import { parseSidecar, reconcile, retypeAnnotation, serializeSidecar, validateSidecar, type Sidecar } from '../../../../src/core/sidecar';
import { acceptAnnotations, isReviewed } from '../../../../src/core/session';
import { article, assertConsistent, at, fakeAnalysis, SPECS } from '../../../fixtures/sidecar/helpers';

const NOW = '2026-11-22T00:00:00.000Z';
const fresh = (text = article) => reconcile({ text, file: 'article.txt', analysis: fakeAnalysis(text, SPECS), now: NOW }).sidecar;
const again = (previous: Sidecar, text: string, specs = SPECS) => {
  const stored = parseSidecar(serializeSidecar(previous), 'article.txt.annotations.json');
  return reconcile({ text, file: 'article.txt', analysis: fakeAnalysis(text, specs), previous: stored, now: NOW }).sidecar;
};
const reviewedTexts = (s: Sidecar) =>
  s.annotations
    .filter(a => a.reviewed)
    .map(a => `${a.text}@${a.start}`)
    .sort();

describe('reconcile: review state', () => {
  it('an accepted auto annotation stays accepted (and auto) after a re-analysis of the same text', () => {
    const s = acceptAnnotations(fresh(), [at(fresh(), article, 'Syria').id]);
    const out = again(s, article);
    assertConsistent(out, article, validateSidecar);
    const syria = at(out, article, 'Syria');
    assert.equal(syria.reviewed, true);
    assert.equal(syria.source, 'auto');
    assert.deepEqual(reviewedTexts(out), [`Syria@${article.indexOf('Syria')}`], 'no other annotation became reviewed');
    assert.match(serializeSidecar(out), /"reviewed": true/);
  });

  it('follows the text: after an insertion before it, the review is on the moved mention', () => {
    const s = acceptAnnotations(fresh(), [at(fresh(), article, 'Ankara').id]);
    const edited = 'UPDATE: a new first line.\n\n' + article;
    const out = again(s, edited);
    assertConsistent(out, edited, validateSidecar);
    assert.equal(at(out, edited, 'Ankara').reviewed, true);
    assert.deepEqual(reviewedTexts(out), [`Ankara@${edited.indexOf('Ankara')}`]);
  });

  it('is not carried to an annotation of another type at that span (the analysis changed its mind)', () => {
    const s = acceptAnnotations(fresh(), [at(fresh(), article, 'Nato').id]);
    const specs = SPECS.map(([q, t, e]) => (q === 'Nato' ? (['Nato', 'place'] as (typeof SPECS)[number]) : ([q, t, e] as (typeof SPECS)[number])));
    const out = again(s, article, specs);
    assert.equal(at(out, article, 'Nato').type, 'place');
    assert.equal(isReviewed(at(out, article, 'Nato')), false);
  });

  it('is gone with the mention when its text is deleted, and not given to another mention of the same name', () => {
    const first = fresh();
    const s = acceptAnnotations(first, [at(first, article, 'Turkey', 0).id]);
    const edited = article.replace('flying near the border with Turkey, ', 'flying near the border, ');
    const out = again(s, edited);
    assertConsistent(out, edited, validateSidecar);
    assert.deepEqual(reviewedTexts(out), []);
  });

  it('a retyped annotation is manual, so reviewed without the flag', () => {
    const first = fresh();
    const s = retypeAnnotation(first, article, at(first, article, 'Hemeimeem').id, 'organization');
    const out = again(s, article);
    const a = at(out, article, 'Hemeimeem');
    assert.equal(a.source, 'manual');
    assert.equal(a.reviewed, undefined);
    assert.equal(isReviewed(a), true);
  });
});
