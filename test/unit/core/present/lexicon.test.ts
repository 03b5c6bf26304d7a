import { strict as assert } from 'node:assert';
import { cleanLexicon, parseLexiconFile } from '../../../../src/core';

describe('core/present/lexicon', () => {
  it('keeps known types with trimmed names and drops the rest', () => {
    assert.deepEqual(cleanLexicon({ ' Hemeimeem ': 'place', Gazprom: 'organization', Typo: 'persn', Number: 3, '  ': 'person', Nil: null }), {
      Hemeimeem: 'place',
      Gazprom: 'organization',
    });
  });

  it('anything but a plain object is an empty lexicon', () => {
    for (const raw of [null, undefined, 'place', 42, ['place'], true]) assert.deepEqual(cleanLexicon(raw), {}, JSON.stringify(raw));
  });

  it('a lexicon file holds the entries at the top or under "entries"', () => {
    assert.deepEqual(parseLexiconFile('{"Hemeimeem": "place"}'), { Hemeimeem: 'place' });
    assert.deepEqual(parseLexiconFile('{"entries": {"Hemeimeem": "place", "x": "y"}}'), { Hemeimeem: 'place' });
    assert.deepEqual(parseLexiconFile('null'), {});
  });

  it('a file that is not JSON throws the parser error for the caller to report', () => {
    assert.throws(() => parseLexiconFile('{"Hemeimeem": place}'), SyntaxError);
  });
});
