// The gazetteer splits names of letters and single spaces at the spaces instead of tokenizing them (start-up
// time): for every name of the shipped lists that takes that path, the words must be exactly the tokenizer's.
import { strict as assert } from 'node:assert';
import { gazetteerLists } from '../../../../src/core/entities/data';
import { SIMPLE_NAME } from '../../../../src/core/entities/gazetteer';
import { tokenize } from '../../../../src/core/entities/tokenize';

describe('gazetteer: names split at spaces are split as the tokenizer splits them', () => {
  it('every simple name of every list', () => {
    let simple = 0;
    for (const names of Object.values(gazetteerLists)) {
      for (const name of names ?? []) {
        if (!SIMPLE_NAME.test(name)) continue;
        simple++;
        assert.deepEqual(
          name.split(' ').map(w => w.toLowerCase()),
          tokenize(name).map(t => t.text.toLowerCase()),
          name,
        );
      }
    }
    assert.ok(simple > 1000, `${simple} simple names`);
  });

  it('names with other characters are not simple (they go through the tokenizer)', () => {
    for (const name of ["O'Neill", 'Saint-Denis', 'St. Louis', 'New  York', 'U.S.', 'Area 51', ' Paris']) assert.equal(SIMPLE_NAME.test(name), false, name);
    assert.equal(SIMPLE_NAME.test('New York'), true);
  });
});
