// Issue 15, item 7: extent modifiers, year ranges, anaphoric phrases, durations against dates, the direction of an
// unanchored weekday, and "now" in idioms. Sentences made up for this test.
import { strict as assert } from 'node:assert';
import { findDates, resolveDate } from '../../../../src/core/dates';

const REF = '2025-03-05'; // a Wednesday
const found = (text: string) => findDates(text).map(d => [text.slice(d.start, d.end), resolveDate(d.expr, REF).value]);

const cases: [category: string, text: string, expected: [string, string | null][]][] = [
  ['extent modifier', 'The plant opened early last spring.', [['early last spring', '2024-SP']]],
  ['extent modifier', 'Work resumes late this summer.', [['late this summer', '2025-SU']]],
  ['extent modifier', 'The convoy arrived around midnight.', [['around midnight', '2025-03-06T00:00']]],
  ['extent modifier', 'The vote ended shortly after noon Friday.', [['shortly after noon Friday', '2025-02-28T12:00']]],
  ['extent modifier', 'The bridge was built in the 19th century.', [['the 19th century', '18']]],
  ['extent modifier', 'The leader died late Tuesday.', [['late Tuesday', '2025-03-04']]],
  ['extent modifier', 'Sales slowed in mid-2019.', [['mid-2019', '2019']]],
  ['extent modifier', '"High noon" is a film.', []],
  [
    'year range',
    'The drought of 1998-1999 was severe.',
    [
      ['1998', '1998'],
      ['1999', '1999'],
    ],
  ],
  [
    'year range',
    'In 1968-69 the club won twice.',
    [
      ['1968', '1968'],
      ['69', '1969'],
    ],
  ],
  [
    'year range',
    'The 2019\u201320 season was cut short.',
    [
      ['2019', '2019'],
      ['20', '2020'],
    ],
  ],
  [
    'year range',
    'The winter of 1999-00 was mild.',
    [
      ['1999', '1999'],
      ['00', '2000'],
    ],
  ],
  ['year range: not a range', 'Call 555-1998-1999 or pay $1998-2000 today.', [['today', REF]]],
  ['year range: backwards is no range', 'The score sheet read 2001-1998.', []],
  ['anaphoric', 'At that time he was the mayor.', [['that time', 'PAST_REF']]],
  ['anaphoric', 'At the time, she said, the plant was closed.', [['the time', 'PAST_REF']]],
  ['anaphoric', 'At that time the council will decide.', [['that time', 'FUTURE_REF']]],
  ['anaphoric: "the time of" is no date', 'At the time of the attack he was asleep.', []],
  [
    'anaphoric',
    'He left that day and returned later that year.',
    [
      ['that day', null],
      ['later that year', null],
    ],
  ],
  ['duration vs date', 'A month earlier, he had resigned.', [['A month earlier', '2025-02']]],
  ['duration vs date', 'He stayed for a month.', []],
  ['duration vs date', 'Prices rose over the last year.', []],
  ['weekday direction', 'The summit opens on Friday.', [['Friday', '2025-03-07']]],
  ['weekday direction', 'The minister travels to Paris on Monday.', [['Monday', '2025-03-10']]],
  ['weekday direction', 'The board will meet on Friday.', [['Friday', '2025-03-07']]],
  ['weekday direction', 'The summit opened on Friday.', [['Friday', '2025-02-28']]],
  ['"now" idioms', 'From now on, fares are higher.', []],
  ['"now" idioms', 'For now, the talks are off.', []],
  ['"now" idioms', 'Prices are now higher.', [['now', 'PRESENT_REF']]],
];

describe('findDates + resolveDate: extents, ranges, anaphora, durations, direction (issue 15)', () => {
  for (const [category, text, expected] of cases) {
    it(`${category}: ${JSON.stringify(text)}`, () => assert.deepEqual(found(text), expected));
  }
});
