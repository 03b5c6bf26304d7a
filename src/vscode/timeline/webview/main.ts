/// <reference lib="dom" />
// The Timeline view's script (bundled by esbuild into dist/webview/timeline.js, loaded under a nonce). It draws
// what the extension posts and posts back what the user does. Article text only ever becomes text nodes
// (textContent, d3's .text()) or attribute values: never HTML.
import type { TimelineEvent } from '../../../core';
import type { HostMessage, TimelineData, TimelineDom, WebviewMessage } from '../protocol';
import { drawChart, standaloneSvg, type Chart } from './chart';
import { renderCards, renderUnplaced } from './lists';

declare function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void };
const vscode = acquireVsCodeApi();

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chartHost = byId<HTMLDivElement>('chart');
const scopeSelect = byId<HTMLSelectElement>('scope');
const articleSelect = byId<HTMLSelectElement>('article');
const entitySelect = byId<HTMLSelectElement>('entity');
const status = byId<HTMLParagraphElement>('status');

let data: TimelineData | undefined;
let shown: TimelineEvent[] = [];
let entityNames: string[] = [];
let chart: Chart | undefined;
let selection: { article: number; start: number; end: number } | undefined;

const articleName = (e: { article: string }) => data?.articles[Number(e.article)]?.name ?? '';

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** The filter menus: the articles of the timeline, and every entity named in a date's sentence. */
function fillFilters(d: TimelineData): void {
  const article = articleSelect.value;
  const entity = entitySelect.value === '' ? undefined : entityNames[Number(entitySelect.value)];
  articleSelect.replaceChildren(option('', 'All'), ...d.articles.map((a, i) => option(String(i), a.name)));
  articleSelect.value = d.articles[Number(article)] ? article : '';
  articleSelect.disabled = d.articles.length < 2;
  entityNames = [...new Set(d.events.flatMap(e => e.entities.map(x => x.name)))].sort((a, b) => a.localeCompare(b));
  entitySelect.replaceChildren(option('', 'All'), ...entityNames.map((n, i) => option(String(i), n)));
  const kept = entity === undefined ? -1 : entityNames.indexOf(entity);
  entitySelect.value = kept >= 0 ? String(kept) : '';
  scopeSelect.value = d.allOpen ? 'open' : 'active';
}

function filters(): { article: number | null; entity: string | null } {
  return {
    article: articleSelect.value === '' ? null : Number(articleSelect.value),
    entity: entitySelect.value === '' ? null : (entityNames[Number(entitySelect.value)] ?? null),
  };
}

function render(): void {
  if (!data) return;
  const f = filters();
  shown = data.events.filter(e => (f.article === null || e.article === String(f.article)) && (f.entity === null || e.entities.some(x => x.name === f.entity)));
  chart = drawChart(chartHost, shown, articleName, { activate: reveal, focusItem });
  renderCards(byId('events'), shown, articleName, reveal);
  renderUnplaced(
    byId('unplaced'),
    data,
    i => reveal(i, 'unplaced'),
    article => vscode.postMessage({ type: 'setReferenceDate', article }),
  );
  byId('unplaced-section').hidden = data.unplaced.length === 0;
  const hidden = data.events.length - shown.length;
  status.textContent =
    data.articles.length === 0
      ? 'No article to show: open one.'
      : `${shown.length} date${shown.length === 1 ? '' : 's'} on the axis${hidden ? ` (${hidden} filtered out)` : ''}, ${data.unplaced.length} not placed.`;
  highlight();
}

function reveal(index: number, kind: 'event' | 'unplaced' = 'event'): void {
  const item = kind === 'event' ? shown[index] : data?.unplaced[index];
  if (item) vscode.postMessage({ type: 'reveal', article: Number(item.article), id: item.id });
}

function focusItem(index: number, delta: number): void {
  const rows = chartHost.querySelectorAll<SVGGElement>('g.event');
  rows[Math.min(rows.length - 1, Math.max(0, index + delta))]?.focus();
}

/** Items whose mention the active article's selection touches. */
function highlight(): void {
  const selected = new Set<number>();
  if (selection) {
    const s = selection;
    shown.forEach((e, i) => {
      if (e.article === String(s.article) && e.start <= s.end && s.start <= e.end) selected.add(i);
    });
  }
  chart?.highlight(selected);
  byId('events')
    .querySelectorAll<HTMLLIElement>('li.card')
    .forEach((li, i) => li.classList.toggle('selected', selected.has(i)));
}

function domSummary(): TimelineDom {
  const tags: Record<string, number> = {};
  let handlerAttributes = 0;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (document.body.contains(el)) tags[tag] = (tags[tag] ?? 0) + 1;
    for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) handlerAttributes++;
  }
  const cards = [...document.querySelectorAll<HTMLLIElement>('#events li.card')];
  return {
    version: data?.version ?? 0,
    items: chartHost.querySelectorAll('g.event').length,
    cards: cards.length,
    unplaced: document.querySelectorAll('#unplaced li.unplaced-item').length,
    selected: cards.filter(c => c.classList.contains('selected')).length,
    tags,
    handlerAttributes,
    cardTexts: cards.map(c => c.textContent ?? ''),
  };
}

window.addEventListener('message', (ev: MessageEvent<HostMessage>) => {
  const m = ev.data;
  switch (m.type) {
    case 'timeline':
      data = m.data;
      fillFilters(m.data);
      render();
      vscode.postMessage({ type: 'rendered', version: m.data.version });
      break;
    case 'selection':
      selection = m;
      highlight();
      break;
    case 'inspect':
      vscode.postMessage({ type: 'inspected', request: m.request, dom: domSummary() });
      break;
    case 'click': {
      const selector = m.kind === 'event' ? '#events li.card' : '#unplaced li.unplaced-item';
      document.querySelectorAll<HTMLElement>(selector)[m.index]?.click();
      break;
    }
  }
});

articleSelect.addEventListener('change', render);
entitySelect.addEventListener('change', render);
scopeSelect.addEventListener('change', () => vscode.postMessage({ type: 'scope', allOpen: scopeSelect.value === 'open' }));
byId('zoom-in').addEventListener('click', () => chart?.zoomBy(1.6));
byId('zoom-out').addEventListener('click', () => chart?.zoomBy(1 / 1.6));
byId('zoom-reset').addEventListener('click', () => chart?.reset());
byId('export-svg').addEventListener('click', () => chart && vscode.postMessage({ type: 'exportSvg', svg: standaloneSvg(chart.svg) }));
byId('export-csv').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv', ...filters() }));
chartHost.addEventListener('keydown', ev => {
  const actions: Record<string, () => void> = {
    '+': () => chart?.zoomBy(1.6),
    '=': () => chart?.zoomBy(1.6),
    '-': () => chart?.zoomBy(1 / 1.6),
    '0': () => chart?.reset(),
    ArrowLeft: () => chart?.panBy(80),
    ArrowRight: () => chart?.panBy(-80),
  };
  const act = actions[ev.key];
  if (!act) return;
  act();
  ev.preventDefault();
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});

vscode.postMessage({ type: 'ready' });
