// How long analysis steps take: the longest single synchronous step is what could stall the extension host.

/** A big article's re-analysis runs analysis steps for about this long (ms) per task before yielding (scheduler.ts). */
export const TASK_BUDGET_MS = 15;
export class AnalysisMetrics {
  /** Longest single synchronous analysis step so far (ms). */
  longestStepMs = 0;
  /** The last whole-text analysis and reconcile (ms). */
  lastAnalysisMs = 0;

  timed<T>(f: () => T): T {
    const t0 = Date.now();
    try {
      return f();
    } finally {
      this.longestStepMs = Math.max(this.longestStepMs, Date.now() - t0);
    }
  }
}
