import { strict as assert } from 'node:assert';
import { EditHistory } from '../../../../src/core/session';

describe('EditHistory', () => {
  it('undoes and redoes with labels, and a new change clears the redo steps', () => {
    const h = new EditHistory<number>();
    h.record('one', 0);
    h.record('two', 1);
    assert.deepEqual(h.undo(2), { label: 'two', value: 1 });
    assert.deepEqual(h.redoLabels(), ['two']);
    assert.deepEqual(h.redo(1), { label: 'two', value: 2 });
    assert.deepEqual(h.undoLabels(), ['one', 'two']);
    h.undo(2);
    h.record('three', 1);
    assert.deepEqual(h.redoLabels(), [], 'redo cleared by a new change');
    assert.equal(h.redo(5), undefined);
  });

  it('keeps at most `limit` undo steps, dropping the oldest', () => {
    const h = new EditHistory<number>(3);
    for (let i = 0; i < 5; i++) h.record(`c${i}`, i);
    assert.deepEqual(h.undoLabels(), ['c2', 'c3', 'c4']);
    assert.equal(h.undo(5)?.value, 4);
    assert.equal(h.undo(4)?.value, 3);
    assert.equal(h.undo(3)?.value, 2);
    assert.equal(h.undo(2), undefined);
  });

  it('the default limit is 100', () => {
    const h = new EditHistory<number>();
    for (let i = 0; i < 150; i++) h.record(`c${i}`, i);
    assert.equal(h.undoLabels().length, 100);
    assert.equal(h.undoLabels()[0], 'c50');
  });
});
