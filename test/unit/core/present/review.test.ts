import { strict as assert } from 'node:assert';
import { nextUnreviewed, reviewLine, reviewProgressText, type Annotation, type ArticleSnapshot } from '../../../../src/core';
import { analyzed, NEWS, only } from './article';

const snapshot = (annotations: Annotation[]): ArticleSnapshot => ({ annotations, entities: [], referenceDate: null, orphans: [] });

describe('core/present/review', () => {
  const article = analyzed(NEWS);
  const reviewedToo = (texts: string[]) => snapshot(article.annotations.map(a => (texts.includes(a.text) ? { ...a, reviewed: true } : a)));

  it('progress counts reviewed mentions, manual ones included', () => {
    const total = article.annotations.length;
    assert.equal(reviewProgressText(article), `0 of ${total} reviewed`);
    const some = [...reviewedToo(['Moscow']).annotations];
    some[0] = { ...some[0], source: 'manual' };
    assert.equal(reviewProgressText(snapshot(some)), `2 of ${total} reviewed`);
    assert.equal(reviewProgressText(snapshot([])), 'no mentions to review');
  });

  it('the hover line says reviewed or not, and why', () => {
    assert.equal(reviewLine({ source: 'auto' }), 'Review: not reviewed');
    assert.equal(reviewLine({ source: 'auto', reviewed: true }), 'Review: reviewed (accepted by you)');
    assert.equal(reviewLine({ source: 'manual' }), 'Review: reviewed (your own annotation)');
  });

  it('next and previous unreviewed skip reviewed mentions and the one under the cursor, and wrap around', () => {
    const a = reviewedToo(['Moscow', 'Tuesday']);
    const putin = only(a, 'Vladimir Putin');
    // from inside "Vladimir Putin": the next unreviewed is "Putin" on line 2 (Moscow and Tuesday are reviewed)
    assert.equal(nextUnreviewed(a, putin.start + 3, 1)?.text, 'Putin');
    // previous from inside the first mention wraps to the last unreviewed one
    const last = a.annotations.filter(x => !x.reviewed).at(-1)!;
    assert.equal(nextUnreviewed(a, putin.start + 3, -1), last);
    assert.equal(nextUnreviewed(a, last.start, 1), putin, 'forward from the last wraps to the first');
    assert.equal(nextUnreviewed(reviewedToo(article.annotations.map(x => x.text)), 0, 1), undefined, 'all reviewed: nothing');
  });
});
