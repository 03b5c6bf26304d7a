// The Timeline webview is untrusted: the extension acts only on messages parseWebviewMessage accepts.
import { strict as assert } from 'node:assert';
import { MAX_SVG_LENGTH, parseWebviewMessage } from '../../../../src/vscode/timeline/protocol';

const dom = { version: 1, items: 2, cards: 2, unplaced: 0, selected: 0, tags: { li: 2 }, handlerAttributes: 0, cardTexts: ['a', 'b'] };

describe('vscode/timeline/protocol', () => {
  it('accepts each well-formed message, keeping only the fields it knows', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: '<x>' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', article: 0, id: 'a12', start: 5 }), { type: 'reveal', article: 0, id: 'a12' });
    assert.deepEqual(parseWebviewMessage({ type: 'setReferenceDate', article: 2 }), { type: 'setReferenceDate', article: 2 });
    assert.deepEqual(parseWebviewMessage({ type: 'scope', allOpen: true }), { type: 'scope', allOpen: true });
    assert.deepEqual(parseWebviewMessage({ type: 'exportCsv', entity: 'Erdogan', article: null }), { type: 'exportCsv', entity: 'Erdogan', article: null });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', version: 3 }), { type: 'rendered', version: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'inspected', request: 1, dom }), { type: 'inspected', request: 1, dom });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;img src=x onerror=alert(1)&gt; javascript:alert(1)</text></svg>';
    assert.deepEqual(parseWebviewMessage({ type: 'exportSvg', svg }), { type: 'exportSvg', svg }, 'escaped article text is fine');
  });

  it('refuses anything else', () => {
    const refused: unknown[] = [
      undefined,
      null,
      42,
      'ready',
      [],
      ['ready'],
      {},
      { type: 'READY' },
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'reveal', article: '0', id: 'a1' },
      { type: 'reveal', article: -1, id: 'a1' },
      { type: 'reveal', article: 1.5, id: 'a1' },
      { type: 'reveal', article: Number.NaN, id: 'a1' },
      { type: 'reveal', article: 0, id: '' },
      { type: 'reveal', article: 0, id: 'a'.repeat(201) },
      { type: 'reveal', article: 0 },
      { type: 'setReferenceDate' },
      { type: 'scope', allOpen: 1 },
      { type: 'exportCsv', entity: 1, article: null },
      { type: 'exportCsv', entity: null, article: -2 },
      { type: 'exportCsv', entity: 'x'.repeat(1001), article: null },
      { type: 'exportSvg', svg: '<html/>' },
      { type: 'exportSvg', svg: 7 },
      { type: 'exportSvg', svg: '<svg><script>alert(1)</script></svg>' },
      { type: 'exportSvg', svg: '<svg><g onclick="alert(1)"></g></svg>' },
      { type: 'exportSvg', svg: '<svg><a href="javascript:alert(1)">x</a></svg>' },
      { type: 'exportSvg', svg: '<svg><foreignObject><div/></foreignObject></svg>' },
      { type: 'exportSvg', svg: '<svg><image href="https://x.example/t.png"/></svg>' },
      { type: 'exportSvg', svg: `<svg>${' '.repeat(MAX_SVG_LENGTH)}</svg>` },
      { type: 'inspected', request: 1, dom: { ...dom, items: -1 } },
      { type: 'inspected', request: 1, dom: { ...dom, cardTexts: [1] } },
      { type: 'rendered', version: '1' },
    ];
    for (const m of refused) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 120));
  });
});
