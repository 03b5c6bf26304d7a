// Operations on spans ([start, end) offsets), one implementation each. Spans that merely touch (one ends where the
// next starts) do not overlap.
import type { Span } from './types';

/** Whether two spans share at least one code unit. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * A question "does [start, end) overlap one of `blockers`?" for spans asked in order of start: one linear sweep over
 * `blockers` (sorted by start; they may overlap each other) across all the questions.
 */
export function overlapSweep(blockers: readonly Span[]): (start: number, end: number) => boolean {
  let j = 0;
  return (start, end) => {
    // a blocker ending at or before this start ends before every later start too
    while (j < blockers.length && blockers[j].end <= start) j++;
    for (let k = j; k < blockers.length && blockers[k].start < end; k++) if (blockers[k].end > start) return true;
    return false;
  };
}

/** The candidates that overlap none of `blockers`; both sorted by start, so one linear sweep. */
export function withoutOverlapsWith<T extends Span>(candidates: readonly T[], blockers: readonly Span[]): T[] {
  const overlapsBlocker = overlapSweep(blockers);
  return candidates.filter(c => !overlapsBlocker(c.start, c.end));
}

/**
 * A question "does this span overlap one of `spans`?" for spans asked in any order: O(log n) each, so a huge article
 * with many spans stays fast. `spans` may be in any order and may overlap each other.
 */
export function overlapLookup(spans: readonly Span[]): (s: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // maxEnd[i]: the furthest end among sorted[0..i]
  const maxEnd: number[] = [];
  sorted.forEach((x, i) => maxEnd.push(Math.max(x.end, i > 0 ? maxEnd[i - 1] : -1)));
  return s => {
    // lo: how many spans start before s.end
    let lo = 0,
      hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > s.start;
  };
}

export interface FirstOfOverlappingOptions<T> {
  /** Whether `later` takes the place of `kept`, the span it overlaps (default: never, the first one stays). */
  replaces?: (later: T, kept: T) => boolean;
  /** Told of every span left out, with the kept one it overlaps. */
  dropped?: (span: T, keptInstead: T) => void;
}

/**
 * One list made free of overlaps: of spans sorted by start (longer first on ties), each is kept unless it overlaps
 * the last one kept, which then stays (or is replaced, see `replaces`). Linear.
 */
export function firstOfOverlapping<T extends Span>(sorted: readonly T[], options: FirstOfOverlappingOptions<T> = {}): T[] {
  const out: T[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (options.replaces?.(s, last)) {
        out[out.length - 1] = s;
        options.dropped?.(last, s);
      } else options.dropped?.(s, last);
      continue;
    }
    out.push(s);
  }
  return out;
}
