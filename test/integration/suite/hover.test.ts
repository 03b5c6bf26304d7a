import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openScratch, select, settledView, workspaceUri } from './helpers';

async function hoverAt(editor: vscode.TextEditor, needle: string, nth = 0): Promise<vscode.MarkdownString[]> {
  const range = select(editor, needle, nth, false);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, range.start.translate(0, 1));
  // only ours: other providers (markdown link hovers...) may answer too
  return hovers.flatMap(h => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('Source:'));
}

// A CommonMark renderer to look at what a hover would render to (markdown-it ships with @vscode/vsce; it has no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (options: object) => { render(src: string): string } = require('markdown-it');

/** What the reader sees: CommonMark backslash escapes removed. */
const plain = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('hover summaries', () => {
  it('summarises a person: type, canonical name, aliases, mention count, first mention, source', async () => {
    const editor = await openScratch('hover-person.txt', 'Vladimir Putin met reporters in Moscow on Tuesday.\nLater, Putin said the talks were useful.\n');
    const view = await settledView(editor.document.uri);
    const person = view.annotations.find(a => a.text === 'Putin');
    assert.ok(person?.entity, 'Putin is a mention of an entity');
    const entity = view.entities.find(e => e.id === person.entity)!;
    const mentions = view.annotations.filter(a => a.entity === entity.id).length;
    const [md] = await hoverAt(editor, 'Putin', 1);
    assert.ok(md, 'a hover on the second mention');
    assert.notEqual(md.isTrusted, true);
    assert.notEqual(md.supportHtml, true);
    const text = plain(md.value);
    assert.match(text, new RegExp(`\\*\\*Person\\*\\*: ${entity.name}`));
    assert.match(text, new RegExp(`Aliases: ${entity.aliases.join(', ')}`));
    assert.match(text, new RegExp(`Mentions in this article: ${mentions}\\b`));
    assert.match(text, /First mention \(line 1\): Vladimir Putin met reporters in Moscow on Tuesday\./);
    assert.match(text, /Source: found automatically \(auto\)/);
  });

  it('summarises a date, unresolved and then against a reference date set by the user', async () => {
    const editor = await openScratch('hover-date.txt', 'Angela Merkel spoke in Berlin on Tuesday about the budget.\n');
    await settledView(editor.document.uri);
    let [md] = await hoverAt(editor, 'Tuesday');
    assert.ok(md, 'a hover on the date');
    let text = plain(md.value);
    assert.match(text, /\*\*Date\*\*: Tuesday/);
    assert.match(text, /Value: unresolved/);
    assert.match(text, /set one with News Annotator: Set Reference Date/);

    await vscode.commands.executeCommand('newsAnnotator.setReferenceDate', { date: '2015-11-25' });
    [md] = await hoverAt(editor, 'Tuesday');
    text = plain(md.value);
    assert.match(text, /Value: 2015-11-24/);
    assert.match(text, /Precision: day/);
    assert.match(text, /Reference date: Wed 25 Nov 2015 \(2015-11-25, set by you\)/);
  });

  it('never turns article text into a link, a command or HTML (injection.md)', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('injection.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const view = await settledView(doc.uri);
    assert.ok(
      view.annotations.some(a => a.text === 'Vladimir Putin'),
      'the linked name is annotated',
    );
    const all: vscode.MarkdownString[] = [];
    for (const needle of ['Vladimir Putin', 'Angela Merkel', 'Tuesday']) all.push(...(await hoverAt(editor, needle, needle === 'Angela Merkel' ? 1 : 0)));
    assert.ok(all.length >= 3, 'our hovers answered');
    // the most permissive CommonMark renderer: raw HTML on, bare URLs linkified
    const md = new MarkdownIt({ html: true, linkify: true });
    for (const h of all) {
      assert.notEqual(h.isTrusted, true);
      assert.notEqual(h.supportHtml, true);
      assert.ok(!/(?<!\\)\]\(/.test(h.value) && !/(?<!\\)</.test(h.value), `nothing unescaped in ${h.value}`);
      const html = md.render(h.value);
      assert.ok(!/<a\b/i.test(html), `no link in ${html}`);
      assert.ok(!/<(img|b)\b/i.test(html), `no raw HTML in ${html}`);
    }
    // the article's own markup shows as text
    const first = plain(all[0].value);
    assert.ok(first.includes('[Vladimir Putin](command:workbench.action.quit)'), first);
    assert.ok((await api()).getView(doc.uri));
  });
});
