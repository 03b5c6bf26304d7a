import { strict as assert } from 'node:assert';
import { analyze, ArticleSession, type ArticleSessionOptions, type SessionStatus } from '../../../../src/core';
import { addAnnotation, lastManualId, parseSidecar, removeAnnotation, serializeSidecar, setReferenceDate, SidecarError } from '../../../../src/core/sidecar';
import { sha256Hex } from '../../../../src/core/hash';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const PATH = '/w/article.txt.annotations.json';
const TEXT = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday.\nThe Zorblat council was not there.\n';
const NOW = '2026-01-01T00:00:00.000Z';

function session(storage = new InMemoryStorage(), extra: Partial<ArticleSessionOptions> = {}) {
  return new ArticleSession({ storage, sidecarPath: PATH, file: 'article.txt', analyzer: { analyze }, generator: 'test', now: () => NOW, ...extra });
}

/** Read through a call: assert.equal(s.sidecar, null) narrows the property to null for the rest of a test. */
const sidecarOf = (s: ArticleSession) => s.sidecar;

const zorblat = (text: string) => ({ start: text.indexOf('Zorblat council'), end: text.indexOf('Zorblat council') + 'Zorblat council'.length });

describe('ArticleSession', () => {
  it('with no stored sidecar: loads nothing, analyzes, saves a new file', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    assert.equal(s.status, 'idle');
    const loading = s.load();
    assert.equal(s.status, 'loading');
    assert.equal(await loading, true, 'this call read the file');
    assert.equal(s.loaded, true);
    assert.equal(s.sidecar, null);
    assert.equal(s.loadError, undefined);
    const { sidecar } = s.analyze(TEXT, { version: 1 });
    assert.equal(s.status, 'ready');
    assert.equal(s.version, 1);
    assert.ok(sidecar.annotations.some(a => a.text === 'Angela Merkel' && a.type === 'person'));
    assert.deepEqual(await s.save(), { saved: true, written: true });
    assert.equal(storage.text(PATH), serializeSidecar(sidecar));
    assert.equal(s.disk.text, serializeSidecar(sidecar));
    assert.deepEqual(await s.save(), { saved: true, written: false }, 'the same content again: nothing written');
  });

  it('with a stored sidecar: keeps its manual annotations and the reference date the user set', async () => {
    const storage = new InMemoryStorage();
    const first = session(storage);
    await first.load();
    first.analyze(TEXT);
    first.edit('Add organization', TEXT, (sc, text) => setReferenceDate(addAnnotation(sc, text, zorblat(text), 'organization'), '2015-11-24'));
    await first.save();

    const second = session(storage);
    await second.load();
    assert.equal(second.sidecar?.document.referenceDate, '2015-11-24', 'the stored sidecar is in memory once loaded');
    const { sidecar } = second.analyze(TEXT);
    assert.ok(sidecar.annotations.some(a => a.text === 'Zorblat council' && a.source === 'manual'));
    assert.equal(sidecar.annotations.find(a => a.text === 'Tuesday')?.value, '2015-11-24', 'dates resolve against the stored reference date');
  });

  it('a second load() while the first reads: one read, reported to the first caller only', async () => {
    const s = session();
    const [a, b] = await Promise.all([s.load(), s.load()]);
    assert.deepEqual([a, b], [true, false]);
    assert.equal(await s.load(), false, 'already loaded');
  });

  it('with a corrupt stored sidecar: says why, backs it up, analyzes afresh and never overwrites it', async () => {
    const storage = new InMemoryStorage();
    storage.put(PATH, '{ "version": 1, oops');
    const s = session(storage);
    await s.load();
    assert.match(s.loadError?.message ?? '', /article\.txt\.annotations\.json/);
    assert.equal(storage.text(`${PATH}.bak`), '{ "version": 1, oops', 'backed up');
    const { sidecar } = s.analyze(TEXT);
    assert.ok(sidecar.annotations.length > 0, 'a fresh analysis');
    s.edit('Add', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'));
    const saved = await s.save();
    assert.equal(saved.saved, false);
    assert.equal(saved.saved === false && saved.reason, 'unusableSidecar');
    assert.equal(storage.text(PATH), '{ "version": 1, oops', 'left untouched');
    assert.equal(s.unsaved, true);
  });

  it('backupUnusable: false loads a corrupt sidecar without writing anything', async () => {
    const storage = new InMemoryStorage();
    storage.put(PATH, 'not json');
    const s = session(storage, { backupUnusable: false });
    await s.load();
    assert.ok(s.loadError);
    assert.equal(await storage.exists(`${PATH}.bak`), false);
  });

  it('edit, undo and redo: labelled, each re-analyzed, redo cleared by a new edit', async () => {
    const s = session();
    await s.load();
    const analyzed = s.analyze(TEXT).sidecar;
    assert.equal(s.unsaved, false);
    const added = s.edit('Add "Zorblat council"', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'));
    assert.equal(s.unsaved, true);
    const id = lastManualId(added)!;
    assert.ok(added.annotations.some(a => a.id === id && a.text === 'Zorblat council'));
    assert.deepEqual(s.undoLabels(), ['Add "Zorblat council"']);

    assert.equal(s.undo(TEXT), 'Add "Zorblat council"');
    assert.deepEqual(s.sidecar?.annotations, analyzed.annotations, 'back to the analysis');
    assert.deepEqual(s.redoLabels(), ['Add "Zorblat council"']);
    assert.equal(s.redo(TEXT), 'Add "Zorblat council"');
    assert.ok(
      s.sidecar?.annotations.some(a => a.id === id),
      'the edit is back',
    );
    assert.equal(s.redo(TEXT), undefined, 'nothing more to redo');

    s.undo(TEXT);
    const merkel = s.sidecar!.annotations.find(a => a.text === 'Angela Merkel')!;
    s.edit('Remove "Angela Merkel"', TEXT, (sc, text) => removeAnnotation(sc, text, merkel.id));
    assert.deepEqual(s.redoLabels(), [], 'a new edit clears redo');
    assert.equal(s.redo(TEXT), undefined);
    assert.ok(!s.sidecar!.annotations.some(a => a.text === 'Angela Merkel'), 'the rejection holds after re-analysis');
    assert.equal(s.undo(TEXT), 'Remove "Angela Merkel"');
    assert.equal(s.undo(TEXT), undefined, 'the undone add is not undoable twice');
  });

  it('an edit that throws changes nothing and records no undo step', async () => {
    const s = session();
    await s.load();
    const before = s.analyze(TEXT).sidecar;
    assert.throws(() => s.edit('Bad', TEXT, (sc, text) => addAnnotation(sc, text, { start: 0, end: 0 }, 'person')), /empty/);
    assert.equal(s.sidecar, before);
    assert.deepEqual(s.undoLabels(), []);
    assert.equal(s.unsaved, false);
  });

  it('an edit before any analysis is refused', async () => {
    const s = session();
    await s.load();
    assert.throws(() => s.edit('Add', TEXT, sc => sc), /not been annotated/);
  });

  it('text changes move the spans at once; an edit on a newer text analyzes it first', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT, { version: 1 });
    s.edit('Add', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'), { version: 1 });
    const typed = `Today ${TEXT}`;
    assert.equal(s.textChanged(typed, [{ start: 0, end: 0, text: 'Today ' }], 2), true);
    assert.equal(s.version, 2);
    const manual = s.sidecar!.annotations.find(a => a.source === 'manual')!;
    assert.equal(typed.slice(manual.start, manual.end), 'Zorblat council', 'moved with the text');
    assert.equal(s.sidecar!.document.length, typed.length);

    const more = `${typed}Angela Merkel left.\n`;
    s.edit('Add person', more, (sc, text) => addAnnotation(sc, text, { start: text.lastIndexOf('Angela'), end: text.lastIndexOf('Angela') + 13 }, 'person'), {
      version: 3,
    });
    assert.equal(s.version, 3);
    assert.ok(s.sidecar!.annotations.some(a => a.source === 'manual' && a.start === more.lastIndexOf('Angela')));
  });

  it('text changes before the first analysis are left to it', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    await s.load();
    assert.equal(s.textChanged('x', [{ start: 0, end: 0, text: 'x' }]), false);
  });

  it('a save after typing records the hash of the typed text', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    await s.load();
    s.analyze(TEXT);
    const typed = `${TEXT}More.\n`;
    s.textChanged(typed, [{ start: TEXT.length, end: TEXT.length, text: 'More.\n' }]);
    await s.save();
    const written = parseSidecar(storage.text(PATH)!, PATH);
    assert.equal(written.document.sha256, sha256Hex(typed));
    assert.equal(written.document.length, typed.length);
  });

  it('analyses after typing hash nothing; the save hashes the text it writes once, with the host hash when given', async () => {
    const storage = new InMemoryStorage();
    const hashed: string[] = [];
    // as the editor's crypto.subtle: asynchronous
    const s = session(storage, { hashText: async text => (hashed.push(text), sha256Hex(text)) });
    await s.load();
    s.analyze(TEXT, { version: 1 });
    let text = TEXT;
    for (const [k, word] of ['Berlin ', 'Olaf Scholz '].entries()) {
      s.textChanged(text + word, [{ start: text.length, end: text.length, text: word }], k + 2);
      text += word;
      s.analyze(text, { version: k + 2 });
    }
    assert.deepEqual(hashed, [], 'no analysis asked for a hash');
    await s.save();
    assert.deepEqual(hashed, [text], 'the save hashed the text it writes, once');
    const written = parseSidecar(storage.text(PATH)!, PATH);
    assert.equal(written.document.sha256, sha256Hex(text));
    assert.equal(s.sidecar?.document.sha256, sha256Hex(text), 'the sidecar in memory has it too');
    await s.save();
    assert.equal(hashed.length, 1, 'a second save of the same text does not hash it again');
  });

  it('hashedSidecar: what leaves the session names the text it follows, without counting as a change', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT, { version: 1 });
    const typed = `${TEXT}Berlin.\n`;
    s.textChanged(typed, [{ start: TEXT.length, end: TEXT.length, text: 'Berlin.\n' }], 2);
    s.analyze(typed, { version: 2 });
    assert.equal(sidecarOf(s)?.document.sha256, sha256Hex(TEXT), 'in memory the hash still names the text last hashed');
    const pending = s.startAnalysis(typed, { version: 2 });
    assert.equal(s.hashedSidecar()?.document.sha256, sha256Hex(typed));
    assert.ok(pending.finish(), 'filling in the hash does not make a pending analysis stale');
    assert.equal(sidecarOf(s)?.document.sha256, sha256Hex(typed));
  });

  it('hashedSidecar while a save waits on the host hash: the save still counts, the session is saved', async () => {
    const storage = new InMemoryStorage();
    let started!: () => void;
    const hashing = new Promise<void>(resolve => (started = resolve));
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    const s = session(storage, {
      hashText: async text => {
        started();
        await released;
        return sha256Hex(text);
      },
    });
    await s.load();
    s.analyze(TEXT, { version: 1 });
    const typed = `${TEXT}Berlin.\n`;
    s.textChanged(typed, [{ start: TEXT.length, end: TEXT.length, text: 'Berlin.\n' }], 2);
    s.edit('Add', typed, (x, t) => addAnnotation(x, t, zorblat(t), 'organization'), { version: 2 });
    assert.equal(s.unsaved, true);
    const saving = s.save();
    await hashing;
    // the corpus reads the sidecar meanwhile: it fills in the same hash
    assert.equal(s.hashedSidecar()?.document.sha256, sha256Hex(typed));
    release();
    assert.deepEqual(await saving, { saved: true, written: true });
    assert.equal(s.unsaved, false, 'what was written is what the session holds');
    assert.equal(storage.text(PATH), serializeSidecar(sidecarOf(s)!));
  });

  it('an analysis in two steps: nothing changes until finish; a finish after typing or an edit is stale and does nothing', async () => {
    const s = session();
    await s.load();
    s.analyze(TEXT, { version: 1 });
    const before = sidecarOf(s);
    const typed = `${TEXT}Berlin.\n`;
    const pending = s.startAnalysis(typed, { version: 1 });
    assert.equal(sidecarOf(s), before, 'the analysis alone changes nothing');
    s.textChanged(typed, [{ start: TEXT.length, end: TEXT.length, text: 'Berlin.\n' }], 2);
    const moved = sidecarOf(s);
    assert.equal(pending.finish(), undefined, 'typing came in between: stale');
    assert.equal(sidecarOf(s), moved);
    const again = s.startAnalysis(typed, { version: 2 });
    await s.save(); // fills in the hash of the typed text: not a change the analysis missed
    const out = again.finish();
    assert.ok(
      out?.sidecar.annotations.some(a => a.text === 'Berlin'),
      'finished: the new mention is in',
    );
    assert.equal(sidecarOf(s), out?.sidecar);
    assert.equal(s.analyzedAt(2), true);
    const third = s.startAnalysis(typed, { version: 2 });
    s.edit('Remove', typed, (x, t) => removeAnnotation(x, t, x.annotations[0].id), { version: 2 });
    assert.equal(third.finish(), undefined, 'an edit came in between: stale');
  });

  it('the save lock: two saves at once are written one after the other, the second seeing the first', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    await s.load();
    s.analyze(TEXT);
    const release = storage.holdWrites();
    const started = storage.nextWriteStarted();
    const one = s.save();
    await started;
    // the first write is under way when the user edits and the second save is asked for
    s.edit('Add', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'));
    const two = s.save();
    release();
    assert.deepEqual(
      await Promise.all([one, two]),
      [
        { saved: true, written: true },
        { saved: true, written: true },
      ],
      'no conflict with our own first write',
    );
    assert.deepEqual(storage.events, ['start', 'end', 'start', 'end'], 'one write at a time');
    assert.equal(storage.writes.length, 2);
    assert.ok(!storage.writes[0].text.includes('"manual"') && storage.writes[1].text.includes('"manual"'), 'in the order asked');
    assert.equal(storage.text(PATH), serializeSidecar(s.sidecar!));
    assert.equal(s.unsaved, false);
  });

  it('a conflict: the file changed on disk since it was read is not overwritten; overwrite replaces it when asked', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    await s.load();
    s.analyze(TEXT);
    await s.save();
    const theirs = storage.text(PATH)!.replace('"referenceDate": null', '"referenceDate": "2016-01-05"');
    storage.put(PATH, theirs);
    s.edit('Add', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'));
    const saved = await s.save();
    assert.equal(saved.saved === false && saved.reason, 'conflict');
    assert.equal(saved.saved === false && saved.error?.kind, 'conflict');
    assert.equal(storage.text(PATH), theirs, 'theirs kept');
    assert.equal(s.unsaved, true);
    assert.notEqual(s.disk.text, theirs, 'not our own write');
    assert.deepEqual(await s.save({ overwrite: true }), { saved: true, written: true });
    assert.equal(storage.text(PATH), serializeSidecar(s.sidecar!));
    assert.equal(s.unsaved, false);
  });

  it('beforeSave can refuse a save (a host check), as a conflict', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage, {
      beforeSave: path => {
        throw new SidecarError('conflict', path, 'open with unsaved changes');
      },
    });
    await s.load();
    s.analyze(TEXT);
    const saved = await s.save();
    assert.equal(saved.saved === false && saved.reason, 'conflict');
    assert.equal(storage.writes.length, 0);
  });

  it('status: idle -> loading -> idle -> analyzing -> ready; refused texts; reset forgets and reloads', async () => {
    const storage = new InMemoryStorage();
    const s = session(storage);
    const seen: SessionStatus[] = [s.status];
    const loading = s.load();
    seen.push(s.status);
    await loading;
    seen.push(s.status);
    s.markAnalyzing();
    seen.push(s.status);
    s.analyze(TEXT);
    seen.push(s.status);
    s.markRefused('tooLarge');
    seen.push(s.status);
    s.markRefused('unreadable');
    seen.push(s.status);
    assert.deepEqual(seen, ['idle', 'loading', 'idle', 'analyzing', 'ready', 'tooLarge', 'unreadable']);
    assert.ok(s.sidecar, 'a refused text keeps the sidecar');

    s.edit('Add', TEXT, (sc, text) => addAnnotation(sc, text, zorblat(text), 'organization'));
    await s.save();
    s.reset();
    assert.equal(s.status, 'idle');
    assert.equal(s.sidecar, null);
    assert.equal(s.loaded, false);
    assert.deepEqual(s.undoLabels(), ['Add'], 'the history outlives a reset');
    await s.load();
    assert.ok(
      sidecarOf(s)?.annotations.some(a => a.source === 'manual'),
      'reloaded from the file',
    );
  });

  it('a reset while loading: the stale load does not land', async () => {
    const storage = new InMemoryStorage();
    storage.put(PATH, 'not json');
    const s = session(storage);
    const stale = s.load();
    s.reset();
    assert.equal(await stale, false);
    assert.equal(s.loaded, false);
    assert.equal(s.loadError, undefined);
  });
});
