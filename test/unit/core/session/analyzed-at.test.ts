// ArticleSession.analyzedAt: the editor's save skips a new analysis when the sidecar in memory already is the
// analysis of the saved text (an auto-save right after the debounced analysis), and only then.
import { strict as assert } from 'node:assert';
import { analyze, ArticleSession } from '../../../../src/core';
import { addAnnotation } from '../../../../src/core/sidecar';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const TEXT = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday.\n';
const session = (storage = new InMemoryStorage()) =>
  new ArticleSession({ storage, sidecarPath: '/w/a.txt.annotations.json', file: 'a.txt', analyzer: { analyze }, generator: 'test', now: () => 'T' });

describe('ArticleSession.analyzedAt', () => {
  it('true for the version last analyzed, false once typing, an edit or an undo changed the sidecar', async () => {
    const s = session();
    await s.load();
    assert.equal(s.analyzedAt(1), false, 'never analyzed');
    s.analyze(TEXT, { version: 1 });
    assert.equal(s.analyzedAt(1), true);
    assert.equal(s.analyzedAt(2), false);
    const typed = `${TEXT}x`;
    s.textChanged(typed, [{ start: TEXT.length, end: TEXT.length, text: 'x' }], 2);
    assert.equal(s.analyzedAt(2), false, 'spans moved by typing are not an analysis');
    s.analyze(typed, { version: 2 });
    assert.equal(s.analyzedAt(2), true);
    s.edit('Add', typed, (sidecar, text) => addAnnotation(sidecar, text, { start: 0, end: 6 }, 'person'), { version: 2 });
    assert.equal(s.analyzedAt(2), true, 'an edit re-analyzes');
    s.undo(typed, { version: 2 });
    assert.equal(s.analyzedAt(2), true, 'so does an undo');
    s.analyze(typed, { version: 3, options: { referenceDate: '2015-11-24' } });
    assert.equal(s.analyzedAt(3), false, 'a one-off analysis with options of its own is not what a save would make');
    s.analyze(typed, { version: 3 });
    s.reset();
    assert.equal(s.analyzedAt(3), false, 'forgotten');
  });
});
