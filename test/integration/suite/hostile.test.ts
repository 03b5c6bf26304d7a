// Hostile article text in the views: names that carry `$(icon)` syntax, a markdown command link and raw HTML must
// show as the text they are, never as an icon, a link or markup.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { EntityNode } from '../../../src/vscode/extension';
import { api, openScratch, settledView, setSetting, waitFor } from './helpers';

const NAMES = ['$(alert) Vladimir Putin', '[Angela Merkel](command:workbench.action.quit)', '<img src=x onerror=alert(1)> Berlin'];
const ARTICLE = `${NAMES[0]} met ${NAMES[1]} in ${NAMES[2]} on Tuesday.\nLater ${NAMES[0]} left.\n`;

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

/** A label, description or tooltip is safe when it is plain text, or markdown that is untrusted and has no raw markup. */
function assertInert(value: string | vscode.MarkdownString | vscode.TreeItemLabel | boolean | undefined, where: string) {
  if (value === undefined || typeof value === 'string' || typeof value === 'boolean') return; // rendered as plain text
  if (value instanceof vscode.MarkdownString) {
    assert.notEqual(value.isTrusted, true, `${where}: trusted markdown`);
    assert.notEqual(value.supportThemeIcons, true, `${where}: renders $(icon)`);
    assert.notEqual(value.supportHtml, true, `${where}: renders HTML`);
    assert.ok(!/(?<!\\)\]\(|(?<!\\)<|(?<!\\)\$\(/.test(value.value), `${where}: unescaped markup in ${value.value}`);
    return;
  }
  assert.equal(typeof value.label, 'string', `${where}: a TreeItemLabel's label must be a plain string`);
}

describe('hostile text in the views', () => {
  it('Entities view items show names with $(icon), [link](command:) and <img> as plain text', async () => {
    const editor = await openScratch('hostile-names.txt', ARTICLE);
    await settledView(editor.document.uri);
    const starts = NAMES.map(n => ARTICLE.indexOf(n));
    // the user marks each crafted name as a person (so the entity names carry the hostile text)
    for (const [i, name] of NAMES.entries()) {
      await run('newsAnnotator.addAnnotation', { type: 'person', start: starts[i], end: starts[i] + name.length });
    }
    const a = await api();
    await waitFor(() => a.entityTree.article?.toString() === editor.document.uri.toString(), 'the view follows the article');
    const items: { node: EntityNode; item: vscode.TreeItem }[] = [];
    const walk = (node?: EntityNode) => {
      for (const child of a.entityTree.getChildren(node)) {
        items.push({ node: child, item: a.entityTree.getTreeItem(child) });
        walk(child);
      }
    };
    walk();
    const labelText = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
    for (const name of NAMES) {
      const entity = items.find(x => x.node.kind === 'entity' && labelText(x.item) === name);
      assert.ok(entity, `an entity item labelled exactly ${name}: ${items.map(x => labelText(x.item)).join(' | ')}`);
      assert.ok(
        items.some(x => x.node.kind === 'mention' && labelText(x.item).includes(name)),
        `a mention item showing ${name}`,
      );
    }
    for (const { item } of items) {
      const where = `tree item "${labelText(item)}"`;
      assertInert(item.label, `${where} label`);
      assertInert(item.description, `${where} description`);
      assertInert(item.tooltip, `${where} tooltip`);
      // an icon comes from our code only (a ThemeIcon of the type), never from the text
      assert.ok(item.iconPath === undefined || item.iconPath instanceof vscode.ThemeIcon, `${where}: icon`);
      if (item.iconPath instanceof vscode.ThemeIcon) assert.ok(['person', 'location', 'organization', 'calendar'].includes(item.iconPath.id), item.iconPath.id);
      // a click reveals the mention; no other command can be reached from a mention
      assert.ok(!item.command || item.command.command === 'newsAnnotator.revealMention', `${where}: command ${item.command?.command}`);
    }
    // the status bar shows counts only, never article text
    const status = await waitFor(() => a.statusBarText(), 'status bar');
    assert.match(status, /^\$\(tag\) \d+ entit(y|ies) · \d+ mentions? · \d+ dates?$/);
  });

  it('notifications carrying article text cannot become command links or icons', async () => {
    const editor = await openScratch('hostile-notice.txt', ARTICLE);
    await settledView(editor.document.uri);
    const a = await api();
    // a user error that quotes the text: "No annotation of "<text>" in this article."
    await run('newsAnnotator.removeAllOccurrences', { text: '[run](command:workbench.action.quit) $(alert)' });
    const notice = await waitFor(() => [...a.notices()].reverse().find(n => n.message.includes('No annotation of')), 'the error notice');
    assert.equal(notice.level, 'error');
    assert.ok(!notice.message.includes(']('), `a markdown link survived: ${notice.message}`);
    assert.ok(!notice.message.includes('$('), `icon syntax survived: ${notice.message}`);
    // what the user reads is still the text (the breaks are zero-width)
    assert.ok(notice.message.replace(/\u200b/g, '').includes('[run](command:workbench.action.quit) $(alert)'), notice.message);

    // a file name is as untrusted as the text: the size notice names the file
    await setSetting('maxArticleSize', 50);
    try {
      const name = '$(alert) [x](command:workbench.action.quit).txt';
      await openScratch(name, ARTICLE);
      const size = await waitFor(() => [...a.notices()].reverse().find(n => n.message.includes('maxArticleSize')), 'the size notice');
      assert.ok(!size.message.includes('](') && !size.message.includes('$('), `the file name became markup: ${size.message}`);
      assert.ok(size.message.replace(/\u200b/g, '').includes(`scratch/${name} has`), size.message);
    } finally {
      await setSetting('maxArticleSize', undefined);
      await run('workbench.action.closeActiveEditor');
    }
  });
});
