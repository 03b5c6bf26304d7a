/// <reference lib="dom" />
// The time axis of the Timeline view, drawn with d3 (scales, axis, zoom): one row per date, its precision drawn as
// a span (a day a thin tick, a month or a quarter a bar). Article text goes in as text nodes only (d3's .text()
// sets textContent; .attr() sets attributes): nothing here parses HTML.
import { axisTop } from 'd3-axis';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { utcDay } from 'd3-time';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { TimelineEvent } from '../../../core';

const ROW = 26;
const TOP = 34;
const LEFT = 16;
const RIGHT = 16;
/** Narrowest bar, so a day or a time on a years-wide axis is still a visible, clickable tick. */
const MIN_BAR = 4;
const LABEL_MAX = 90;

export interface ChartHandlers {
  activate(index: number): void;
  focusItem(index: number, delta: number): void;
}

export interface Chart {
  svg: SVGSVGElement;
  zoomBy(factor: number): void;
  panBy(pixels: number): void;
  reset(): void;
  highlight(selected: ReadonlySet<number>): void;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `label` for an item: what a screen reader says and the row shows. */
export function itemLabel(e: TimelineEvent, article: string): string {
  return `${e.human}: “${e.text}”, ${article} line ${e.line}`;
}

export function drawChart(host: HTMLElement, events: readonly TimelineEvent[], articleName: (e: TimelineEvent) => string, on: ChartHandlers): Chart {
  host.replaceChildren();
  const width = Math.max(host.clientWidth, 480);
  const height = TOP + Math.max(events.length, 1) * ROW + 8;
  const svg = select(host)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'timeline-chart')
    .attr('role', 'group')
    .attr('aria-label', `${events.length} dates on a time axis`);

  let from = Math.min(...events.map(e => e.from));
  let to = Math.max(...events.map(e => e.to));
  if (!events.length) [from, to] = [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
  if (to - from < 7 * 86_400_000) [from, to] = [utcDay.offset(new Date(from), -3).getTime(), utcDay.offset(new Date(to), 3).getTime()];
  const base = scaleUtc()
    .domain([new Date(from), new Date(to)])
    .range([LEFT, width - RIGHT])
    .nice();

  const axis = svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${TOP - 8})`);
  const rows = svg.append('g').attr('class', 'rows');
  const items = rows
    .selectAll<SVGGElement, TimelineEvent>('g.event')
    .data(events)
    .join('g')
    .attr('class', e => `event precision-${e.precision}`)
    .attr('transform', (_, i) => `translate(0,${TOP + i * ROW})`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', e => itemLabel(e, articleName(e)));
  items.append('title').text(e => `${e.human} (${e.value})\n${e.sentence}`);
  items
    .append('rect')
    .attr('class', 'span')
    .attr('y', 4)
    .attr('height', ROW - 10)
    .attr('rx', 2);
  items
    .append('text')
    .attr('class', 'label')
    .attr('y', ROW / 2 + 1)
    .attr('dominant-baseline', 'middle')
    .text(e => clip(e.text.toLowerCase() === e.human.toLowerCase() ? e.human : `${e.human} · ${e.text}`, LABEL_MAX));
  items
    .on('click', (_, e) => on.activate(events.indexOf(e)))
    .on('keydown', (ev: KeyboardEvent, e) => {
      const i = events.indexOf(e);
      if (ev.key === 'Enter' || ev.key === ' ') on.activate(i);
      else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') on.focusItem(i, ev.key === 'ArrowDown' ? 1 : -1);
      else return;
      ev.preventDefault();
      ev.stopPropagation();
    });

  const place = (x: ScaleTime<number, number>) => {
    axis.call(axisTop<Date>(x).ticks(Math.max(2, Math.floor(width / 110))));
    items
      .select<SVGRectElement>('rect')
      .attr('x', e => x(new Date(e.from)))
      .attr('width', e => Math.max(MIN_BAR, x(new Date(e.to)) - x(new Date(e.from))));
    // the label sits after its bar, or before it when the bar ends near the right edge
    items
      .select<SVGTextElement>('text')
      .attr('x', e => {
        const end = Math.max(x(new Date(e.to)), x(new Date(e.from)) + MIN_BAR);
        return end > width * 0.6 ? x(new Date(e.from)) - 6 : end + 6;
      })
      .attr('text-anchor', e => (Math.max(x(new Date(e.to)), x(new Date(e.from)) + MIN_BAR) > width * 0.6 ? 'end' : 'start'));
  };

  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 5e6])
    .on('zoom', ev => place(ev.transform.rescaleX(base)));
  const root = svg as unknown as Selection<SVGSVGElement, unknown, null, undefined>;
  root.call(behavior).on('dblclick.zoom', null);
  place(base);

  return {
    svg: svg.node()!,
    zoomBy: factor => behavior.scaleBy(root, factor),
    panBy: pixels => behavior.translateBy(root, pixels, 0),
    reset: () => behavior.transform(root, zoomIdentity),
    highlight: selected => items.classed('selected', (_, i) => selected.has(i)).attr('aria-current', (_, i) => (selected.has(i) ? 'true' : null)),
  };
}

/**
 * The chart as a standalone SVG file: the theme's colours (CSS variables that mean nothing outside VS Code) written
 * onto each element, and the interactive attributes left out.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = copies[i];
    for (const prop of ['fill', 'stroke', 'stroke-width', 'font-family', 'font-size', 'opacity'] as const) {
      const value = style.getPropertyValue(prop);
      if (value) target.setAttribute(prop, value);
    }
    target.removeAttribute('tabindex');
    target.removeAttribute('class');
  });
  const background = getComputedStyle(document.body).backgroundColor;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  copy.insertBefore(rect, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
