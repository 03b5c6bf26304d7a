// Deterministic sidecar text: fixed key order, sorted lists, 2-space JSON, trailing newline. The same sidecar always
// gives the same bytes, so a re-run that changes nothing leaves git clean and real changes diff line by line.
import type { Entity } from '../types';
import type { Orphan, Rejection, Sidecar, SidecarAnnotation } from './types';

/** `e2` before `e10`; code-unit order otherwise (no locale: the bytes must not depend on the machine). */
function natural(a: string, b: string): number {
  const pa = a.split(/(\d+)/), pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    if (i % 2 === 1) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
    }
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
const bySpan = (a: { start: number; end: number; type: string }, b: { start: number; end: number; type: string }) =>
  a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

function annotation(a: SidecarAnnotation): SidecarAnnotation {
  const out: SidecarAnnotation = { id: a.id, type: a.type, start: a.start, end: a.end, text: a.text, source: a.source } as SidecarAnnotation;
  if (a.entity !== undefined) out.entity = a.entity;
  if (a.value !== undefined) out.value = a.value;
  if (a.precision !== undefined) out.precision = a.precision;
  if (a.note !== undefined) out.note = a.note;
  out.prefix = a.prefix;
  out.suffix = a.suffix;
  return out;
}

function orphan(o: Orphan): Orphan {
  return { ...annotation(o), orphanedAt: o.orphanedAt };
}

const rejection = (r: Rejection): Rejection =>
  ({ type: r.type, start: r.start, end: r.end, text: r.text, prefix: r.prefix, suffix: r.suffix });

const entity = (e: Entity): Entity => ({ id: e.id, type: e.type, name: e.name, aliases: [...e.aliases].sort() });

/** The sidecar with keys in canonical order and lists sorted (what serializeSidecar writes). */
export function canonicalSidecar(s: Sidecar): Sidecar {
  const d = s.document;
  const out: Sidecar = {} as Sidecar;
  if (s.$schema !== undefined) out.$schema = s.$schema;
  Object.assign(out, {
    version: s.version,
    generator: s.generator,
    document: { file: d.file, sha256: d.sha256, length: d.length, referenceDate: d.referenceDate, referenceDateSource: d.referenceDateSource },
    entities: [...s.entities].sort((a, b) => natural(a.id, b.id)).map(entity),
    annotations: [...s.annotations].sort((a, b) => bySpan(a, b) || natural(a.id, b.id)).map(annotation),
    rejections: [...s.rejections].sort((a, b) => bySpan(a, b) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map(rejection),
    orphans: [...s.orphans].sort((a, b) => bySpan(a, b) || natural(a.id, b.id)).map(orphan),
  });
  return out;
}

export function serializeSidecar(s: Sidecar): string {
  return `${JSON.stringify(canonicalSidecar(s), null, 2)}\n`;
}
