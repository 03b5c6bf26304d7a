// Review through the article session: accepting is an edit like the others (undo, redo, saved), it survives
// re-analysis and typing, and the user's own annotations count as reviewed.
import { strict as assert } from 'node:assert';
import { analyze, ArticleSession } from '../../../../src/core';
import { acceptAll, acceptAnnotations, isReviewed, reviewCounts } from '../../../../src/core/session';
import { EditError, parseSidecar, retypeAnnotation, type Sidecar } from '../../../../src/core/sidecar';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const PATH = '/w/article.txt.annotations.json';
const TEXT = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday.\nThe chancellor flew back to Berlin.\n';

function session(storage = new InMemoryStorage()) {
  return new ArticleSession({
    storage,
    sidecarPath: PATH,
    file: 'article.txt',
    analyzer: { analyze },
    generator: 'test',
    now: () => '2026-01-01T00:00:00.000Z',
  });
}
const find = (s: Sidecar | null, text: string) => {
  const a = s?.annotations.find(x => x.text === text);
  assert.ok(a, `no annotation "${text}"`);
  return a;
};
const counts = (s: Sidecar | null) => reviewCounts(s?.annotations ?? []);

describe('core/session review', () => {
  it('accepting a mention is undoable and redoable, and saved as reviewed', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    await s.load();
    s.analyze(TEXT);
    const total = s.sidecar!.annotations.length;
    assert.deepEqual(counts(s.sidecar), { reviewed: 0, total });
    s.edit('Accept "Paris"', TEXT, sc => acceptAnnotations(sc, [find(sc, 'Paris').id]));
    assert.equal(find(s.sidecar, 'Paris').reviewed, true);
    assert.equal(find(s.sidecar, 'Paris').source, 'auto', "an accepted mention is still the analysis's");
    assert.deepEqual(counts(s.sidecar), { reviewed: 1, total });
    assert.deepEqual(s.undoLabels(), ['Accept "Paris"']);

    assert.equal(s.undo(TEXT), 'Accept "Paris"');
    assert.equal(find(s.sidecar, 'Paris').reviewed, undefined);
    assert.equal(s.redo(TEXT), 'Accept "Paris"');
    assert.equal(find(s.sidecar, 'Paris').reviewed, true);

    await s.save();
    const stored = parseSidecar(storage.text(PATH)!, 'article.txt.annotations.json');
    assert.equal(find(stored, 'Paris').reviewed, true, 'written to the file');
    const reopened = session(storage);
    await reopened.load();
    reopened.analyze(TEXT);
    assert.equal(find(reopened.sidecar, 'Paris').reviewed, true, 'a new session re-analyzes and keeps it');
  });

  it('the review follows typing before and after the mention, and the next analysis keeps it', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT, { version: 1 });
    s.edit('Accept', TEXT, sc => acceptAnnotations(sc, [find(sc, 'Berlin').id]), { version: 1 });
    const typed = 'BERLIN (dpa) - ' + TEXT;
    assert.equal(s.textChanged(typed, [{ start: 0, end: 0, text: 'BERLIN (dpa) - ' }], 2), true);
    assert.equal(find(s.sidecar, 'Berlin').start, typed.lastIndexOf('Berlin'), 'moved with the text');
    assert.equal(find(s.sidecar, 'Berlin').reviewed, true);
    s.analyze(typed, { version: 2 });
    const berlins = s.sidecar!.annotations.filter(a => a.text === 'Berlin');
    assert.deepEqual(
      berlins.map(a => [a.start, a.reviewed === true]),
      [[typed.lastIndexOf('Berlin'), true]],
      'still reviewed after the analysis',
    );
  });

  it('Mark Article Reviewed accepts the rest in one undoable step', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT);
    s.edit('Accept', TEXT, sc => acceptAnnotations(sc, [find(sc, 'Paris').id]));
    const total = s.sidecar!.annotations.length;
    s.edit('Mark article reviewed', TEXT, sc => acceptAll(sc));
    assert.deepEqual(counts(s.sidecar), { reviewed: total, total });
    assert.equal(s.undo(TEXT), 'Mark article reviewed');
    assert.deepEqual(counts(s.sidecar), { reviewed: 1, total });
  });

  it('a correction makes the mention manual, which counts as reviewed', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT);
    s.edit('Retype', TEXT, (sc, text) => retypeAnnotation(sc, text, find(sc, 'Paris').id, 'organization'));
    const paris = find(s.sidecar, 'Paris');
    assert.equal(paris.source, 'manual');
    assert.equal(isReviewed(paris), true);
  });

  it('accepting an unknown id is refused and changes nothing', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT);
    const before = s.sidecar;
    assert.throws(() => s.edit('Accept', TEXT, sc => acceptAnnotations(sc, ['a999'])), EditError);
    assert.equal(s.sidecar, before);
    assert.deepEqual(s.undoLabels(), []);
  });
});
