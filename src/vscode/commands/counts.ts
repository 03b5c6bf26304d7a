// How many mentions a bulk change touched, so the command can say so. Plain functions over two sidecars (no
// `vscode`), unit-tested in Node. Mentions are compared by span, type, source and entity name: entity ids may be
// renumbered by an edit, names are what the user sees.
import type { Sidecar, SidecarAnnotation, Span } from '../../core';

const spanKey = (s: Span) => `${s.start}:${s.end}`;

function bySpan(s: Sidecar): Map<string, SidecarAnnotation[]> {
  const out = new Map<string, SidecarAnnotation[]>();
  for (const a of s.annotations) out.set(spanKey(a), [...(out.get(spanKey(a)) ?? []), a]);
  return out;
}

function looks(s: Sidecar, list: readonly SidecarAnnotation[] | undefined): string {
  const names = new Map(s.entities.map(e => [e.id, e.name]));
  return (list ?? [])
    .map(a => `${a.type}|${a.source}|${a.entity === undefined ? '' : (names.get(a.entity) ?? a.entity)}`)
    .sort()
    .join(',');
}

/** How many of `spans` carry different annotations after than before (added, retyped, joined to another entity). */
export function spansChanged(before: Sidecar, after: Sidecar, spans: readonly Span[]): number {
  const b = bySpan(before);
  const a = bySpan(after);
  return spans.filter(s => looks(before, b.get(spanKey(s))) !== looks(after, a.get(spanKey(s)))).length;
}

/** How many mentions were annotated before and are not after. */
export function mentionsRemoved(before: Sidecar, after: Sidecar): number {
  const kept = new Set(after.annotations.map(a => `${spanKey(a)}|${a.type}`));
  return before.annotations.filter(a => !kept.has(`${spanKey(a)}|${a.type}`)).length;
}

/** "1 mention", "3 mentions". */
export function mentions(n: number): string {
  return `${n} mention${n === 1 ? '' : 's'}`;
}

/** What Annotate All Occurrences tells the user: how many of the `found` occurrences it changed. */
export function annotatedAllMessage(surface: string, type: string, changed: number, found: number): string {
  if (changed === 0) {
    return found === 1
      ? `"${surface}" was already annotated as ${type}; nothing changed.`
      : `all ${found} "${surface}" were already annotated as ${type}; nothing changed.`;
  }
  const already = found - changed;
  return `annotated ${mentions(changed)} of "${surface}" as ${type}${already > 0 ? ` (${already} already ${already === 1 ? 'was' : 'were'})` : ''}.`;
}
