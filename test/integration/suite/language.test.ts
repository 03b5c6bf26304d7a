import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openScratch, rangeKey, settledView } from './helpers';

// Scratch articles sit in the workspace, so the corpus indexes them as they are written: a person named in other
// articles too would make definition and references answer across files or not, depending on how far the index got.
// Those tests name a person no other article mentions.
const article = (first: string, last: string) =>
  `Angela Merkel met ${first} ${last} in Berlin on Tuesday.\n` + `Merkel said ${last} should visit Berlin again.\n` + `${last} did not answer.\n`;
const ARTICLE = article('Vladimir', 'Putin');

async function fixture(name: string, person: [string, string] = ['Vladimir', 'Putin']) {
  const editor = await openScratch(name, article(...person));
  const view = await settledView(editor.document.uri);
  const doc = editor.document;
  const putin = view.annotations.find(a => a.text === person.join(' '))!;
  const mentions = view.annotations.filter(a => a.entity === putin.entity);
  const range = (a: { start: number; end: number }) => new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
  const last = mentions[mentions.length - 1];
  return { editor, view, doc, putin, mentions, range, inLast: doc.positionAt(last.start + 1) };
}

describe('language features', () => {
  it('lists entities in the Outline (document symbols), grouped by type', async () => {
    const { doc, view, putin, mentions, range } = await fixture('lang-symbols.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const people = symbols.find(s => s.name === 'People');
    assert.ok(people, `a People group in ${symbols.map(s => s.name).join(', ')}`);
    const name = view.entities.find(e => e.id === putin.entity)!.name;
    const sym = people.children.find(c => c.name === name);
    assert.ok(sym, `${name} in the outline`);
    assert.equal(sym.detail, `${mentions.length} mentions`);
    assert.equal(rangeKey(sym.selectionRange), rangeKey(range(mentions[0])));
    assert.equal(people.children.length, new Set(view.annotations.filter(a => a.type === 'person').map(a => a.entity)).size);
  });

  it('sticky scroll on: every outline symbol is one mention on one line, never a stretch of the article', async () => {
    await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', true, vscode.ConfigurationTarget.Workspace);
    try {
      const { doc, view, putin, mentions, range } = await fixture('lang-sticky.txt');
      assert.ok(mentions.length >= 3 && doc.positionAt(mentions[mentions.length - 1].start).line > doc.positionAt(mentions[0].start).line);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap(s => [s, ...all(s.children)]);
      assert.ok(all(symbols).length > symbols.length, 'entities under the type groups');
      const mentionRanges = new Set(view.annotations.map(a => rangeKey(range(a))));
      for (const s of all(symbols)) {
        assert.equal(s.range.start.line, s.range.end.line, `${s.name}: ${rangeKey(s.range)} is on one line`);
        assert.ok(mentionRanges.has(rangeKey(s.range)), `${s.name}: ${rangeKey(s.range)} is a mention`);
      }
      const name = view.entities.find(e => e.id === putin.entity)!.name;
      const sym = all(symbols).find(c => c.name === name)!;
      assert.equal(rangeKey(sym.range), rangeKey(range(mentions[0])), 'the entity is its first mention, not first to last');
    } finally {
      await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a Markdown article: a link destination is no mention and does not take over later mentions', async () => {
    const text =
      'See [Angela Merkel](https://en.wikipedia.org/wiki/Angela_Merkel) in Berlin.\n\nLater Merkel said `Moscow` was <https://example.org/Moscow>.\n';
    const editor = await openScratch('lang-markdown.md', text);
    assert.equal(editor.document.languageId, 'markdown');
    const view = await settledView(editor.document.uri);
    assert.deepEqual(
      view.annotations.filter(a => a.type !== 'date').map(a => a.text),
      ['Angela Merkel', 'Berlin', 'Merkel'],
    );
    const merkel = view.annotations.filter(a => a.text.endsWith('Merkel'));
    assert.equal(merkel[0].entity, merkel[1].entity);
  });

  it("Go to Definition jumps to the entity's first mention", async () => {
    const { doc, mentions, range, inLast } = await fixture('lang-definition.txt', ['Olaf', 'Scholz']);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, inLast);
    assert.equal(defs.length, 1);
    const d = defs[0];
    const target = 'targetRange' in d ? d.targetRange : d.range;
    assert.equal(rangeKey(target), rangeKey(range(mentions[0])));
  });

  it('Find All References lists every mention of the entity', async () => {
    const { doc, mentions, range, inLast } = await fixture('lang-references.txt', ['Mark', 'Rutte']);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, inLast);
    assert.deepEqual(refs.map(r => rangeKey(r.range)).sort(), mentions.map(m => rangeKey(range(m))).sort());
    assert.ok(refs.length >= 3, 'Mark Rutte, Rutte, Rutte');
  });

  it('highlights the other mentions of the entity under the cursor', async () => {
    const { doc, mentions, range, inLast } = await fixture('lang-highlights.txt');
    const hl = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, inLast);
    assert.deepEqual(hl.map(h => rangeKey(h.range)).sort(), mentions.map(m => rangeKey(range(m))).sort());
  });

  it('answers nothing off a mention', async () => {
    const { doc } = await fixture('lang-none.txt');
    const at = doc.positionAt(ARTICLE.indexOf('should'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
    assert.deepEqual(refs, []);
  });
});
