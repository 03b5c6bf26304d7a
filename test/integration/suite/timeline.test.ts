// The Timeline view in the real editor: what it draws matches the sidecar, a click reveals the mention, the
// article's selection highlights its items, forged messages are refused, and hostile article text stays text.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, closeAll, openScratch, openSeed, select, settledView, waitFor, waitForAsync, within } from './helpers';

/** A seed with a dateline, so its reference date is detected and every resolved date has a place on the axis. */
const SEED = '001_aa74a8b8cfacc576.txt';

const HOSTILE =
  [
    'On 24 November 2015 Vladimir Putin wrote <img src=x onerror="document.title=\'pwned\'"> in Moscow.',
    'In March 2016 the </script><script>document.title="pwned"</script> group met Angela Merkel in Paris.',
    'By 2017 <b onmouseover="alert(1)">nobody</b> at <a href="javascript:alert(1)">NATO</a> knew that day.',
  ].join('\n') + '\n';

async function timelineOf(name: string) {
  const a = await api();
  await waitFor(() => a.timeline.data()?.articles[0]?.name === name && a.timeline.data(), `the timeline shows ${name}`);
  await within(a.timeline.rendered(), `the webview draws ${name}`);
  return { data: a.timeline.data()!, dom: await within(a.timeline.inspect(), 'the webview answers an inspection') };
}

describe('Timeline view', () => {
  after(closeAll);

  it('draws one item per resolved date of the sidecar, in date order, with sentence and entities', async () => {
    const editor = await openSeed(SEED);
    await settledView(editor.document.uri);
    await vscode.commands.executeCommand('newsAnnotator.showTimeline');
    const a = await api();
    assert.ok(a.timeline.visible, 'the panel is open');
    const { data, dom } = await timelineOf(SEED);
    const sidecar = a.getSidecar(editor.document.uri)!;
    assert.ok(sidecar.document.referenceDate, 'the seed has a reference date');
    const resolved = sidecar.annotations.filter(x => x.type === 'date' && x.value);
    assert.ok(resolved.length >= 5, `the seed has dates: ${resolved.length}`);
    assert.equal(data.events.length, resolved.length);
    assert.equal(dom.items, resolved.length, 'items on the axis');
    assert.equal(dom.cards, resolved.length, 'cards under it');
    assert.equal(dom.unplaced, sidecar.annotations.filter(x => x.type === 'date' && !x.value).length);
    for (let i = 1; i < data.events.length; i++) assert.ok(data.events[i - 1].from <= data.events[i].from, 'date order');
    const dateline = data.events.find(e => e.value === '2015-11-05')!;
    assert.equal(dateline.human, 'Thu 5 Nov 2015');
    assert.ok(
      dom.cardTexts.some(t => t.includes('Thu 5 Nov 2015') && t.includes('2015-11-05')),
      'a card shows the date in words and its value',
    );
    const withEntities = data.events.find(e => e.entities.length > 0)!;
    assert.ok(
      dom.cardTexts.some(t => t.includes(withEntities.sentence) && withEntities.entities.every(x => t.includes(x.name))),
      'a card shows its sentence and entities',
    );
  });

  it('a click on an item selects its mention in the article', async () => {
    const a = await api();
    const { data } = await timelineOf(SEED);
    const index = data.events.findIndex(e => e.text === 'Tuesday');
    assert.ok(index >= 0, 'the seed has "Tuesday"');
    const event = data.events[index];
    a.timeline.click('event', index);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(SEED) && e.document.offsetAt(e.selection.start) === event.start && e;
    }, 'the mention is selected');
    assert.equal(editor.document.offsetAt(editor.selection.end), event.end);
    assert.equal(editor.document.getText(editor.selection), 'Tuesday');
  });

  it("the article's selection highlights the items whose mention it touches", async () => {
    const a = await api();
    const editor = await openSeed(SEED);
    select(editor, 'last week');
    const dom = await waitForAsync(async () => {
      const d = await a.timeline.inspect();
      return d.selected === 1 && d;
    }, 'one item highlighted');
    assert.equal(dom.selected, 1);
    select(editor, 'Russia', 0, false);
    await waitForAsync(async () => (await a.timeline.inspect()).selected === 0, 'nothing highlighted away from dates');
  });

  it('refuses malformed or forged messages', async () => {
    const a = await api();
    const before = a.timeline.handled;
    for (const forged of [
      null,
      'reveal',
      [],
      { type: 'reveal', article: -1, id: 'a1' },
      { type: 'reveal', article: 0, id: 7 },
      { type: 'reveal', article: 0.5, id: 'a1' },
      { type: 'reveal', article: 0, id: 'x'.repeat(500) },
      { type: 'setReferenceDate', article: '0' },
      { type: 'scope', allOpen: 'yes' },
      { type: 'exportSvg', svg: '<svg><script>alert(1)</script></svg>' },
      { type: 'exportSvg', svg: '<svg><g onclick="alert(1)"/></svg>' },
      { type: 'exportSvg', svg: '<html></html>' },
      { type: 'exportCsv', entity: 3, article: null },
      { type: 'runCommand', command: 'workbench.action.quit' },
    ]) {
      await a.timeline.receive(forged);
    }
    assert.equal(a.timeline.handled, before, 'none was acted on');
  });

  it('renders hostile article text inert: as text, no element made from it', async () => {
    const editor = await openScratch('timeline-hostile.txt', HOSTILE);
    await settledView(editor.document.uri);
    const { data, dom } = await timelineOf('timeline-hostile.txt');
    assert.ok(data.events.length >= 3, `dates: ${data.events.map(e => e.text).join(', ')}`);
    assert.equal(dom.items, data.events.length);
    assert.deepEqual(
      Object.keys(dom.tags).filter(t => ['img', 'b', 'a', 'iframe', 'object'].includes(t)),
      [],
      `no element from article text: ${JSON.stringify(dom.tags)}`,
    );
    assert.equal(dom.tags.script, 1, "only the page's own script");
    assert.equal(dom.handlerAttributes, 0, 'no event-handler attribute anywhere');
    assert.ok(
      dom.cardTexts.some(t => t.includes('<img src=x onerror="document.title=\'pwned\'">')),
      'the markup is shown as text',
    );
    assert.ok(dom.cardTexts.some(t => t.includes('</script><script>document.title="pwned"</script>')));
  });
});
