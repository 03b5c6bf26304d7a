/// <reference lib="dom" />
// The Timeline view's lists: a card per date on the axis (its words, value, place in the article, the sentence with
// the mention marked, the sentence's people, places and organizations), and the dates not placed, grouped by
// article with a Set Reference Date button. Built with createElement and textContent only.
import type { TimelineEvent } from '../../../core';
import type { TimelineData } from '../protocol';
import { itemLabel } from './chart';

const TYPE_WORD = { person: 'Person', place: 'Place', organization: 'Organization' } as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Acts on click, Enter and Space, as a button does. */
function actionable(node: HTMLElement, label: string, act: () => void): void {
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', label);
  node.addEventListener('click', act);
  node.addEventListener('keydown', ev => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    ev.preventDefault();
    act();
  });
}

/** The sentence with the mention in a <mark> (all three parts text nodes). */
function sentence(e: TimelineEvent): HTMLParagraphElement {
  const p = el('p', 'sentence');
  const at = e.sentence.indexOf(e.text);
  if (at < 0) {
    p.textContent = e.sentence;
    return p;
  }
  p.append(document.createTextNode(e.sentence.slice(0, at)), el('mark', undefined, e.text), document.createTextNode(e.sentence.slice(at + e.text.length)));
  return p;
}

export function renderCards(
  host: HTMLElement,
  events: readonly TimelineEvent[],
  articleName: (e: TimelineEvent) => string,
  activate: (index: number) => void,
): void {
  host.replaceChildren(
    ...events.map((e, i) => {
      const li = el('li', `card precision-${e.precision}`);
      const head = el('div', 'card-head');
      head.append(el('span', 'when', e.human), el('span', 'value', `${e.value} · ${e.precision}`), el('span', 'where', `${articleName(e)}:${e.line}`));
      li.append(head, sentence(e));
      if (e.entities.length) {
        const list = el('ul', 'entities');
        list.setAttribute('aria-label', 'In this sentence');
        for (const x of e.entities) {
          const chip = el('li', `chip type-${x.type}`, x.name);
          chip.title = TYPE_WORD[x.type];
          list.append(chip);
        }
        li.append(list);
      }
      actionable(li, `${itemLabel(e, articleName(e))}. ${e.sentence}`, () => activate(i));
      return li;
    }),
  );
}

export function renderUnplaced(host: HTMLElement, data: TimelineData, activate: (index: number) => void, setReferenceDate: (article: number) => void): void {
  const groups = data.articles.map((a, i) => ({ name: a.name, article: i, items: [] as number[] }));
  data.unplaced.forEach((u, i) => groups[Number(u.article)]?.items.push(i));
  host.replaceChildren(
    ...groups
      .filter(g => g.items.length)
      .map(g => {
        const section = el('div', 'unplaced-article');
        const head = el('div', 'unplaced-head');
        const button = el('button', 'set-reference', 'Set Reference Date…');
        button.type = 'button';
        button.setAttribute('aria-label', `Set the reference date of ${g.name}`);
        button.addEventListener('click', () => setReferenceDate(g.article));
        head.append(el('h3', undefined, g.name), button);
        const list = el('ul', 'unplaced-list');
        for (const i of g.items) {
          const u = data.unplaced[i];
          const li = el('li', 'unplaced-item');
          li.append(el('span', 'mention', `“${u.text}”`), el('span', 'where', ` line ${u.line}`), el('span', 'reason', ` — ${u.reason}`));
          actionable(li, `“${u.text}”, line ${u.line}: ${u.reason}`, () => activate(i));
          list.append(li);
        }
        section.append(head, list);
        return section;
      }),
  );
}
