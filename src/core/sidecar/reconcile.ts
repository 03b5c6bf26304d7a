// Merges a fresh analysis of the article with what the previous sidecar remembers: the user's manual annotations
// (re-anchored to the current text; orphaned, never dropped, when they cannot be placed), their rejections of auto
// annotations, and their reference date. The result is the new sidecar.
// The work itself is in ./reconcileRun.ts, as bounded steps the editor runs a few per task.
import type { AnchorMethod } from '../anchor';
import type { AnalysisResult, AnalyzeOptions } from '../types';
import { correctionLexicon } from './corrections';
import { reconcileRun } from './reconcileRun';
import type { Sidecar } from './types';

export { DEFAULT_GENERATOR } from './reconcileRun';

export interface ReconcileInput {
  /** The article text now. */
  text: string;
  /** The article's file name (no folder), stored in document.file. */
  file: string;
  /** analyze(text, analyzeOptionsFor(previous, ...)) */
  analysis: AnalysisResult;
  /** The sidecar read from disk (or kept in memory), if any. */
  previous?: Sidecar;
  /** "news-annotator <version>" */
  generator?: string;
  /** ISO timestamp recorded on annotations orphaned by this run (a parameter so the core stays pure and testable). */
  now?: string;
  /**
   * Whether `text` is the text previous.document.sha256 names, when the caller knows without hashing (ArticleSession
   * keeps the text it last hashed). Given, reconcile hashes nothing and the result keeps previous's sha256, which
   * names an older text unless `sameText`: the caller hashes before saving. Omitted, reconcile hashes the text.
   */
  sameText?: boolean;
}

export interface ReconcileReport {
  /** Manual annotations and restored orphans, by id, and how each was placed. */
  placed: { id: string; method: AnchorMethod }[];
  /** Ids of manual annotations that could not be placed and are now orphans. */
  orphaned: string[];
  /** Ids of earlier orphans whose text is back: they are annotations again. */
  restored: string[];
  /** Auto annotations left out because the user rejected them or a manual annotation covers them. */
  suppressed: number;
}

export interface ReconcileOutput {
  sidecar: Sidecar;
  report: ReconcileReport;
}

/**
 * Options for analyze() that honour the previous sidecar: a reference date the user set there is used unless the
 * caller gives one explicitly (a CLI flag, the Set Reference Date command), and the names the user retyped there
 * keep their new type wherever they occur (./corrections.ts; over the user lexicon: the article's own decision is
 * the more specific). Call before analyze, then reconcile.
 */
export function analyzeOptionsFor(previous: Sidecar | undefined, base: AnalyzeOptions = {}): AnalyzeOptions {
  const corrections = previous ? correctionLexicon(previous) : {};
  const out = Object.keys(corrections).length > 0 ? { ...base, lexicon: { ...base.lexicon, ...corrections } } : base;
  if (base.referenceDate) return out;
  const d = previous?.document;
  if (d?.referenceDateSource === 'user' && d.referenceDate) return { ...out, referenceDate: d.referenceDate };
  return out;
}

/** A reconcile run a step at a time (reconcileSteps). */
export interface ReconcileSteps {
  /** Runs the next bounded step: the output once the last step ran, else undefined. */
  step(): ReconcileOutput | undefined;
}

/**
 * reconcile as a sequence of bounded steps (each loop over the mentions a slice at a time): the editor runs a few per
 * task and yields in between, so a big article's reconcile does not block the extension host for 60-150 ms. The
 * output is exactly reconcile's (reconcile runs the same steps). It reads its input at each step: the caller drops a
 * run whose input changed (a newer text, an edit) and starts another.
 */
export function reconcileSteps(input: ReconcileInput): ReconcileSteps {
  const run = reconcileRun(input);
  let out: ReconcileOutput | undefined;
  return {
    step: () => {
      if (out === undefined) {
        const next = run.next();
        if (next.done) out = next.value;
      }
      return out;
    },
  };
}

export function reconcile(input: ReconcileInput): ReconcileOutput {
  const run = reconcileRun(input);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}
