// What an article session is given (its options, the analyzer it runs, a user edit) and the pending analysis it hands
// out: the types the hosts use with ArticleSession (./session.ts).
import type { AnalysisSteps, AnalyzerOptions } from '../analyze';
import type { AnalysisResult, AnalyzeOptions } from '../types';
import type { ReconcileOutput } from '../sidecar/reconcile';
import type { SidecarStorage } from '../sidecar/storage';
import type { Sidecar } from '../sidecar/types';

/**
 * What the session needs of an analyzer: the core's `Analyzer` (or `{ analyze }`) fits. The options may tell where the
 * text changed since the session's previous analysis (`edit`, from the changes given to textChanged): an analyzer that
 * keeps that analysis uses it, any other may ignore it.
 */
export interface ArticleAnalyzer {
  analyze(text: string, options?: AnalyzerOptions): AnalysisResult;
  /** The same analysis a bounded step at a time (Analyzer.analyzeSteps); without it, startAnalysis runs it in one step. */
  analyzeSteps?(text: string, options?: AnalyzerOptions): AnalysisSteps;
}

export interface ArticleSessionOptions {
  storage: SidecarStorage;
  /** Where the sidecar is (sidecarPathFor(article), a folder setting, an output folder). */
  sidecarPath: string;
  /** The article's file name, stored in the sidecar. */
  file: string;
  analyzer: ArticleAnalyzer;
  /** "news-annotator <version>"; reconcile's default when undefined. */
  generator?: string;
  /** The time recorded on annotations a change orphans (a parameter so runs are reproducible). */
  now?: () => string;
  /** Base analysis options for every analysis (lexicon, document id, a reference date the caller insists on). */
  analyzeOptions?: () => AnalyzeOptions;
  /** Copy an unusable stored sidecar to `.bak` when loading (default true; false for runs that write nothing). */
  backupUnusable?: boolean;
  /** Runs inside the save lock before each write; throw a SidecarError to refuse (e.g. the file is open and dirty). */
  beforeSave?: (sidecarPath: string) => void | Promise<void>;
  /**
   * SHA-256 (lowercase hex) of the text's UTF-8 bytes, from the host (node:crypto, crypto.subtle): used when a save
   * needs the hash of a text typed since the last hash. Default: the core's own (sha256Hex, pure JavaScript).
   */
  hashText?: (text: string) => string | Promise<string>;
}

/** A user edit: one of the core's edit operations (src/core/sidecar/edit.ts) applied to the sidecar for `text`. */
export type SidecarChange = (sidecar: Sidecar, text: string) => Sidecar;

/** An analysis started and not reconciled yet (ArticleSession.startAnalysis). */
export interface PendingAnalysis {
  /**
   * Runs the next bounded step: of the analysis, then of its reconcile with the sidecar in memory, the last of which
   * puts the result in the session. True once nothing is left to run (reconciled, or stale: then nothing changed).
   */
  step(): boolean;
  /** The analysis is complete: the steps left reconcile it. */
  readonly analyzed: boolean;
  /**
   * The session changed since it started (typing, an edit, a reload), or a newer analysis of the article superseded
   * it: its steps do nothing. Never once it is reconciled.
   */
  readonly stale: boolean;
  /** Runs what is left and returns the reconcile's output (also when the steps already ran it); undefined when stale. */
  finish(): ReconcileOutput | undefined;
}

/** Which text an analysis or edit is for: `version` identifies it cheaply (the editor's document version). */
export interface TextAt {
  version?: number;
  /** Options for this analysis only, over the session's base options. */
  options?: AnalyzeOptions;
}
