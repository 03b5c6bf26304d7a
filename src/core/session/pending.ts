// A pending analysis (ArticleSession.startAnalysis): the analysis's bounded steps, then the reconcile's, then the
// result put in the session, each step only while the run is still current. The editor runs a few steps per task and
// yields in between, so a big article's re-analysis never blocks the extension host for long.
import type { AnalysisSteps } from '../analyze';
import type { ReconcileOutput, ReconcileSteps } from '../sidecar/reconcile';
import type { AnalysisResult } from '../types';
import type { PendingAnalysis } from './options';

/** What a pending analysis asks of its session. */
export interface PendingHost {
  /** The session changed since the run started, or a newer run started. */
  changed(): boolean;
  /** Starts the reconcile of the finished analysis with the sidecar in memory now. */
  reconcile(analysis: AnalysisResult): ReconcileSteps;
  /** Puts the reconcile's output in the session; returns it as the session holds it. */
  apply(out: ReconcileOutput): ReconcileOutput;
}

export function pendingAnalysis(steps: AnalysisSteps, host: PendingHost): PendingAnalysis {
  let analysis: AnalysisResult | undefined;
  let reconciling: ReconcileSteps | undefined;
  let out: ReconcileOutput | undefined;
  const stale = () => out === undefined && (host.changed() || steps.superseded);
  const step = (): boolean => {
    if (out !== undefined || stale()) return true;
    if (analysis === undefined) analysis = steps.step();
    else {
      reconciling ??= host.reconcile(analysis);
      const done = reconciling.step();
      if (done) out = host.apply(done);
    }
    return out !== undefined;
  };
  return {
    get analyzed() {
      return analysis !== undefined;
    },
    get stale() {
      return stale();
    },
    step,
    finish: () => {
      while (!step());
      return out;
    },
  };
}

/** An analysis already made, as a run of one step. */
export function oneStep(result: AnalysisResult): AnalysisSteps {
  return { superseded: false, step: () => result };
}
