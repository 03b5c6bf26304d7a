import { strict as assert } from 'node:assert';
import { shorten } from '../../../../src/core';

describe('core/present/shorten', () => {
  it('leaves short text alone and cuts long text to max with an ellipsis', () => {
    assert.equal(shorten('Putin', 5), 'Putin');
    assert.equal(shorten('Vladimir Putin', 5), 'Vlad…');
    assert.equal(shorten('Vladimir Putin', 1), '…');
    assert.equal(shorten('Vladimir Putin', 0), '');
  });

  it('never leaves half a surrogate pair', () => {
    assert.equal(shorten('a😀b', 3), 'a…');
    assert.equal(shorten('ab😀', 3), 'ab…');
  });
});
