// While typing, the session moves the spans it alone holds in place instead of copying them (applyTextChangesOwned):
// what it shows after any run of keystrokes must be what applying each change to a copy gives
// (test/support/textChanges-reference.ts), and a sidecar it handed out earlier (to a view, a save, the undo history)
// must never change under its holder.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { addAnnotation, type Sidecar } from '../../../../src/core/sidecar';
import { ArticleSession } from '../../../../src/core/session/session';
import { articleText, editFractions, editsIn, spanFractions, spanIn } from '../../../support/arbitraries';
import { distinctArticle } from '../../../support/distinct-article';
import { analyzeText } from '../../../support/fuzz-properties';
import { InMemoryStorage } from '../../../support/inMemoryStorage';
import { referenceApplyTextChanges } from '../../../support/textChanges-reference';

const NOW = '2026-11-29T00:00:00.000Z';

function newSession(): ArticleSession {
  return new ArticleSession({
    storage: new InMemoryStorage(),
    sidecarPath: 'a.txt.annotations.json',
    file: 'a.txt',
    analyzer: { analyze: analyzeText },
    now: () => NOW,
  });
}

/** Types `steps` into a session, reading its sidecar where `look` says; checks it against the reference and that nothing handed out changed. */
function typeAndCompare(session: ArticleSession, text: string, steps: readonly (readonly [number, number, string][])[], look: readonly boolean[]): void {
  let reference: Sidecar = structuredClone(session.sidecar!);
  const handedOut: { sidecar: Sidecar; copy: Sidecar }[] = [{ sidecar: session.sidecar!, copy: structuredClone(session.sidecar!) }];
  let current = text;
  steps.forEach((edits, k) => {
    const { changes, newText } = editsIn(current, edits);
    assert.ok(session.textChanged(newText, changes, k + 2), 'the change is applied');
    reference = referenceApplyTextChanges(reference, newText, changes, NOW);
    current = newText;
    if (look[k]) {
      const shown = session.sidecar!;
      assert.deepStrictEqual(shown, reference, `after change ${k}`);
      handedOut.push({ sidecar: shown, copy: structuredClone(shown) });
    }
  });
  assert.deepStrictEqual(session.sidecar, reference, 'after typing');
  for (const h of handedOut) assert.deepStrictEqual(h.sidecar, h.copy, 'a sidecar handed out earlier changed');
}

describe('ArticleSession while typing: spans moved in place', () => {
  it('gives what applying each change to a copy gives, and never changes a sidecar it handed out', () => {
    fc.assert(
      fc.property(
        articleText,
        spanFractions,
        fc.array(editFractions, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (text, spans, steps, look) => {
          const session = newSession();
          session.analyze(text, { version: 1 });
          spans.forEach(([at, len, type], i) => {
            try {
              session.edit(`add ${i}`, text, (s, t) => addAnnotation(s, t, spanIn(t, at, len), type), { version: 1 });
            } catch {
              /* a span the edit refuses (blank, overlapping): not what this test is about */
            }
          });
          typeAndCompare(session, text, steps, look);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('typing a word a character at a time in a longer article, with a save in between', async () => {
    const text = distinctArticle(6_000, 5);
    const session = newSession();
    await session.load();
    session.analyze(text, { version: 1 });
    const at = text.indexOf('. ', 3_000) + 1;
    const typed = ' and Mr Kowalczyk said';
    let current = text;
    let reference: Sidecar = structuredClone(session.sidecar!);
    const type = (change: { start: number; end: number; text: string }, version: number) => {
      const newText = current.slice(0, change.start) + change.text + current.slice(change.end);
      assert.ok(session.textChanged(newText, [change], version));
      reference = referenceApplyTextChanges(reference, newText, [change], NOW);
      current = newText;
    };
    for (let k = 0; k < typed.length; k++) {
      type({ start: at + k, end: at + k, text: typed[k] }, k + 2);
      if (k === 5) {
        const saving = session.save();
        const written = session.sidecar!;
        const copy = structuredClone(written);
        // typing goes on while the save writes
        type({ start: at + k + 1, end: at + k + 1, text: 'x' }, 100);
        type({ start: at + k + 1, end: at + k + 2, text: '' }, 101);
        await saving;
        assert.deepStrictEqual(written, copy, 'the sidecar being saved did not move under the save');
        // the save recorded the hash of the text typed so far
        reference = { ...reference, document: { ...reference.document, sha256: session.sidecar!.document.sha256 } };
      }
    }
    assert.deepStrictEqual(session.sidecar, reference);
  });
});
