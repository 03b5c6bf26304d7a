// The per-article table `annotate` prints: counts per type, orphans, and the most mentioned entities.
import type { Sidecar } from '../core';
import { safeText } from './safeText';

/**
 * What the table shows of one sidecar, taken as soon as the article is done: a run holds (and a worker thread sends
 * back) these few numbers per article rather than its whole sidecar.
 */
export interface Tally {
  person: number;
  place: number;
  organization: number;
  date: number;
  orphans: number;
  /** topEntities(), ready to print. */
  top: string;
}

export interface SummaryRow {
  article: string;
  tally?: Tally;
  /** written / unchanged / not written / error message */
  status: string;
}

const TOP = 3;

export function topEntities(s: Sidecar, n = TOP): string {
  const counts = new Map<string, number>();
  for (const a of s.annotations) if (a.entity !== undefined) counts.set(a.entity, (counts.get(a.entity) ?? 0) + 1);
  const order = new Map(s.entities.map((e, i) => [e.id, i]));
  return s.entities
    .filter(e => counts.has(e.id))
    .sort((a, b) => counts.get(b.id)! - counts.get(a.id)! || order.get(a.id)! - order.get(b.id)!)
    .slice(0, n)
    .map(e => `${safeText(e.name)} (${counts.get(e.id)})`)
    .join(', ');
}

export function tallyOf(s: Sidecar): Tally {
  const c = { person: 0, place: 0, organization: 0, date: 0 };
  for (const a of s.annotations) c[a.type]++;
  return { ...c, orphans: s.orphans.length, top: topEntities(s) };
}

/** A plain-text table, columns padded, numbers right-aligned. */
export function formatSummary(rows: readonly SummaryRow[]): string {
  const header = ['Article', 'Person', 'Place', 'Org', 'Date', 'Orphans', 'Status', 'Top entities'];
  const numeric = [false, true, true, true, true, true, false, false];
  const total = { person: 0, place: 0, organization: 0, date: 0, orphans: 0 };
  const body = rows.map(r => {
    const c = r.tally;
    if (!c) return [safeText(r.article), '-', '-', '-', '-', '-', r.status, ''];
    total.person += c.person;
    total.place += c.place;
    total.organization += c.organization;
    total.date += c.date;
    total.orphans += c.orphans;
    return [safeText(r.article), c.person, c.place, c.organization, c.date, c.orphans, r.status, c.top].map(String);
  });
  const table = [header, ...body];
  if (rows.length > 1) {
    table.push([`Total (${rows.length} articles)`, total.person, total.place, total.organization, total.date, total.orphans, '', ''].map(String));
  }
  const widths = header.map((_, i) => Math.max(...table.map(r => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(Math.max(w, header[i].length)) : '-'.repeat(w))).join('  ');
  const out = [line(header), rule, ...body.map(line)];
  if (rows.length > 1) out.push(rule, line(table[table.length - 1]));
  return `${out.join('\n')}\n`;
}
