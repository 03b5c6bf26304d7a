// Labelled undo and redo of a value (the session's sidecar). A new change clears what could be redone, as in any
// editor; the oldest undo step goes once there are more than `limit`.

export const HISTORY_LIMIT = 100;

export interface HistoryStep<T> {
  label: string;
  value: T;
}

export class EditHistory<T> {
  private readonly undoSteps: HistoryStep<T>[] = [];
  private readonly redoSteps: HistoryStep<T>[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** Records `before`, the value a change labelled `label` replaces. */
  record(label: string, before: T): void {
    this.undoSteps.push({ label, value: before });
    if (this.undoSteps.length > this.limit) this.undoSteps.shift();
    this.redoSteps.length = 0;
  }

  /** The value to go back to, or undefined when there is nothing to undo; `current` becomes redoable. */
  undo(current: T): HistoryStep<T> | undefined {
    const step = this.undoSteps.pop();
    if (step) this.redoSteps.push({ label: step.label, value: current });
    return step;
  }

  /** The value the last undo replaced, or undefined when there is nothing to redo; `current` becomes undoable. */
  redo(current: T): HistoryStep<T> | undefined {
    const step = this.redoSteps.pop();
    if (step) {
      this.undoSteps.push({ label: step.label, value: current });
      if (this.undoSteps.length > this.limit) this.undoSteps.shift();
    }
    return step;
  }

  /** Labels of the undoable changes, oldest first. */
  undoLabels(): string[] {
    return this.undoSteps.map(s => s.label);
  }

  /** Labels of the redoable changes, the next redo last. */
  redoLabels(): string[] {
    return this.redoSteps.map(s => s.label);
  }
}
