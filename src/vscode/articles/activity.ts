// What happened to each article, in order: analyses finished, analyses not done and why, saves done or skipped and
// why, sidecar changes on disk handled. The integration tests wait on these explicit signals instead of sleeping and
// hoping something did (or did not) happen by then.
import * as vscode from 'vscode';
import type { SaveSkipReason } from '../../core';

export type ArticleEvent =
  | { kind: 'analyzed'; version: number }
  | { kind: 'notAnalyzed'; reason: 'tooLarge' | 'unreadable' | 'annotateOnOpenOff' | 'notArticle' }
  | { kind: 'saved'; written: boolean }
  | { kind: 'saveSkipped'; reason: 'untitled' | 'restricted' | SaveSkipReason }
  /** A sidecar changed on disk: our own write, reloaded, or the user is asked (both sides changed). */
  | { kind: 'diskChange'; outcome: 'ownWrite' | 'reloaded' | 'asked' }
  /** The user's annotations lost their text since the last analysis: they are orphans now, and the user was told. */
  | { kind: 'orphaned'; ids: string[] };

export type ArticleActivity = ArticleEvent & {
  /** Increases with every record, across articles: a cursor for "what happened after this point". */
  seq: number;
  /** Date.now() when it happened. */
  at: number;
};

/** Records kept per article (older ones go). */
const KEPT = 200;

export class ActivityLog implements vscode.Disposable {
  private readonly logs = new Map<string, ArticleActivity[]>();
  private seq = 0;
  private readonly recorded = new vscode.EventEmitter<{ uri: string; activity: ArticleActivity }>();

  record(uri: vscode.Uri, event: ArticleEvent): void {
    const activity = { ...event, seq: ++this.seq, at: Date.now() };
    const key = uri.toString();
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = []));
    log.push(activity);
    if (log.length > KEPT) log.shift();
    this.recorded.fire({ uri: key, activity });
  }

  /** The sequence number of the latest record (0: none yet). */
  latest(): number {
    return this.seq;
  }

  list(uri: vscode.Uri): ArticleActivity[] {
    return [...(this.logs.get(uri.toString()) ?? [])];
  }

  /** The first record for `uri` after `since` (a latest() value) that `matches`, as soon as there is one. */
  next(uri: vscode.Uri, matches: (a: ArticleActivity) => boolean, since = 0): Promise<ArticleActivity> {
    const key = uri.toString();
    const found = this.logs.get(key)?.find(a => a.seq > since && matches(a));
    if (found) return Promise.resolve(found);
    return new Promise(resolve => {
      const listener = this.recorded.event(({ uri: u, activity }) => {
        if (u !== key || activity.seq <= since || !matches(activity)) return;
        listener.dispose();
        resolve(activity);
      });
    });
  }

  dispose(): void {
    this.recorded.dispose();
  }
}
