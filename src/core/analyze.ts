// The analysis pipeline: per-unit detection (cached by the unit's text), then document-level steps
// (reference date, date resolution, entity grouping, lexicon) over the cached results.
//
// Re-analysing an edited article is incremental: the Analyzer keeps each article's previous text split into lines
// (one record per distinct line, holding what was found in it), finds the edited region by common prefix and
// suffix, and re-splits and re-detects only the lines it touches. The document-level steps then run over the
// records' results with little work per mention, so the result is always exactly what a fresh analysis gives.
import { AnalyzerSteps, type AnalyzerOptions } from './analyzeSteps';
import type { AnalysisResult } from './types';

export type { AnalyzerOptions } from './analyzeSteps';
export type { TextEdit } from './analyzeEdit';

/** An analysis run a step at a time (Analyzer.analyzeSteps). */
export interface AnalysisSteps {
  /** Runs the next step: the result once the last step ran, else undefined. Throws when the run was superseded. */
  step(): AnalysisResult | undefined;
  /** Another analysis of the same document started since: this run must be dropped (its steps would throw). */
  readonly superseded: boolean;
}

/** Holds the per-unit cache, so re-analysing an edited article only re-detects the units that changed. */
export class Analyzer extends AnalyzerSteps {
  /** The latest run of each document (a run in steps checks it is still the latest before each step). */
  private running = new Map<string, { superseded: boolean }>();

  analyze(article: string, options: AnalyzerOptions = {}): AnalysisResult {
    // it moves the document's kept state on: a run in steps of the same document is superseded
    const document = options.document ?? '';
    const ticket = this.ticket(document);
    const run = this.steps(article, options);
    for (;;) {
      const next = run.next();
      if (next.done) {
        this.finished(document, ticket);
        return next.value;
      }
    }
  }

  /**
   * `analyze` as a sequence of bounded steps (the lines re-detected a slice at a time, the grouping, the annotations a
   * slice at a time): the editor runs a few per task and yields in between, so no task blocks the extension host for
   * the whole of a big article's re-analysis. The result is exactly `analyze`'s (analyze runs the same steps). A run is
   * superseded once another analysis of the same document starts (that one moved the kept state on): its `step`
   * then throws, and it is dropped.
   */
  analyzeSteps(article: string, options: AnalyzerOptions = {}): AnalysisSteps {
    const run = this.steps(article, options);
    const document = options.document ?? '';
    // taken now: the run's first step (which reads and moves the kept state) runs at the first call of `step`
    const ticket = this.ticket(document);
    return {
      get superseded() {
        return ticket.superseded;
      },
      step: () => {
        if (ticket.superseded) throw new Error('This analysis was superseded by a newer analysis of the same article.');
        const next = run.next();
        if (!next.done) return undefined;
        this.finished(document, ticket);
        return next.value;
      },
    };
  }

  /** A new run of `document`: every earlier run of it is superseded. */
  private ticket(document: string): { superseded: boolean } {
    const previous = this.running.get(document);
    if (previous) previous.superseded = true;
    const ticket = { superseded: false };
    this.running.set(document, ticket);
    return ticket;
  }

  private finished(document: string, ticket: { superseded: boolean }): void {
    if (this.running.get(document) === ticket) this.running.delete(document);
  }
}

const shared = new Analyzer();

/**
 * Analyses an article once (the CLI): a process-wide cache of paragraphs serves every call, but nothing of the
 * article is kept for an incremental re-analysis (the editor keeps an Analyzer of its own for that).
 */
export function analyze(text: string, options: AnalyzerOptions = {}): AnalysisResult {
  return shared.analyze(text, { keep: false, ...options });
}
