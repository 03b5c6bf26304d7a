// The one calendar check (which days exist) and the date fixes that hang on it: years 0001-0099, impossible days
// given as a reference date or found in a URL, and midnight.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core/analyze';
import { detectReferenceDate, findDates, isIsoDay, isValidDay, resolveDate } from '../../../../src/core/dates';
import { addDays, dayToMs, weekday } from '../../../../src/core/dates/calendar';
import { reconcile, setReferenceDate, validateSidecar } from '../../../../src/core/sidecar';

const emptySidecar = () => reconcile({ text: '', file: 'a.txt', analysis: { annotations: [], entities: [], referenceDate: null } }).sidecar;

/** The value of the date found in `text` whose span is `span`, against `ref`. */
function valueOf(text: string, span: string, ref: string | null): string | null {
  const hit = findDates(text).find(d => text.slice(d.start, d.end) === span);
  assert.ok(hit, `"${span}" not found in "${text}"`);
  return resolveDate(hit.expr, ref).value;
}

/** The TIMEX3 value syntax the project checks (test/support/fuzz-properties.ts): hours 00-23 only. */
const TIMEX_TIME = /^\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI|(?:[01]\d|2[0-3]):[0-5]\d)$/;

describe('core/dates/calendar', () => {
  it('knows which days exist: month lengths, leap years (1900 no, 2000 yes, year 0 yes)', () => {
    assert.equal(isValidDay(2015, 2, 28), true);
    assert.equal(isValidDay(2015, 2, 29), false);
    assert.equal(isValidDay(2016, 2, 29), true);
    assert.equal(isValidDay(1900, 2, 29), false);
    assert.equal(isValidDay(2000, 2, 29), true);
    assert.equal(isValidDay(0, 2, 29), true);
    assert.equal(isValidDay(4, 2, 29), true);
    assert.equal(isValidDay(2015, 4, 31), false);
    assert.equal(isValidDay(2015, 13, 1), false);
    assert.equal(isValidDay(2015, 0, 1), false);
    assert.equal(isValidDay(2015, 1, 0), false);
    assert.equal(isValidDay(10000, 1, 1), false);
    assert.equal(isValidDay(2015, 1, 1.5), false);
  });

  it('isIsoDay: a real day written YYYY-MM-DD, years 0001-0099 included', () => {
    for (const ok of ['2015-11-24', '2016-02-29', '0001-01-01', '0050-02-28', '0099-12-31', '9999-12-31']) assert.equal(isIsoDay(ok), true, ok);
    for (const bad of ['2015-02-30', '2015-13-01', '0100-02-29', '25.11.2015', '2015-1-1', ' 2015-11-24', '2015-11-24T10:00', '２０１５-11-24']) {
      assert.equal(isIsoDay(bad), false, bad);
    }
  });

  it('day arithmetic does not turn years 0-99 into 1900-1999 (the Date.UTC trap)', () => {
    assert.deepEqual(addDays({ y: 50, m: 3, d: 1 }, -1), { y: 50, m: 2, d: 28 });
    assert.deepEqual(addDays({ y: 99, m: 12, d: 31 }, 1), { y: 100, m: 1, d: 1 });
    assert.equal(dayToMs({ y: 1970, m: 1, d: 2 }), 86_400_000);
    // 0001-01-01 was a Monday in the proleptic Gregorian calendar
    assert.equal(weekday({ y: 1, m: 1, d: 1 }), 1);
  });

  it('resolves against a reference date in years 0001-0099 without moving 1,900 years', () => {
    assert.equal(valueOf('She arrived yesterday.', 'yesterday', '0050-03-01'), '0050-02-28');
    assert.equal(valueOf('She arrived yesterday.', 'yesterday', '0004-03-01'), '0004-02-29');
    // 0050-03-01 is a Tuesday; the Monday before it
    assert.equal(valueOf('Putin said on Monday that the jet was downed.', 'Monday', '0050-03-01'), '0050-02-28');
    assert.equal(valueOf('Talks resume next week.', 'next week', '0001-01-01'), '0001-W02');
    assert.equal(valueOf('The talks start on March 3.', 'March 3', '0099-02-20'), '0099-03-03');
  });

  it('analyze() refuses a reference date that is not a real day, exactly as Set Reference Date does', () => {
    const sidecar = emptySidecar();
    for (const bad of ['2015-02-30', '2015-13-01', '25.11.2015']) {
      assert.throws(() => setReferenceDate(sidecar, bad), /is not a date written YYYY-MM-DD/, bad);
      assert.throws(() => analyze('It happened yesterday.', { referenceDate: bad }), /is not a real day written YYYY-MM-DD/, bad);
    }
    for (const good of ['2015-02-28', '0050-03-01']) {
      assert.equal(setReferenceDate(sidecar, good).document.referenceDate, good);
      assert.equal(analyze('It happened yesterday.', { referenceDate: good }).referenceDate?.value, good);
    }
  });

  it('a sidecar whose reference date is not a real day is invalid', () => {
    const s = emptySidecar() as unknown as { document: { referenceDate: string; referenceDateSource: string } };
    s.document.referenceDate = '2015-02-30';
    s.document.referenceDateSource = 'user';
    assert.deepEqual(validateSidecar(s), ['document.referenceDate: "2015-02-30" is not a real day']);
  });

  it('an impossible day in the article URL is not taken as the reference date', () => {
    assert.equal(detectReferenceDate('https://example.com/2015/02/31/story.html\n\nThe talks ended.'), null);
    assert.equal(detectReferenceDate('https://example.com/2015/02/28/story.html\n\nThe talks ended.'), '2015-02-28');
    assert.equal(detectReferenceDate('https://a.example/2015/02/31/x/ https://b.example/2015/03/01/y/\n'), '2015-03-01');
  });

  it('midnight is 00:00 of the next day, never T24:00 (which no TIMEX3 value has)', () => {
    const cases: [text: string, span: string, ref: string, value: string][] = [
      ['The deadline is midnight Tuesday.', 'midnight Tuesday', '2015-11-25', '2015-11-25T00:00'],
      ['The strike began at midnight.', 'midnight', '2015-11-25', '2015-11-26T00:00'],
      ['The strike began at midnight.', 'midnight', '2015-12-31', '2016-01-01T00:00'],
      ['The ceasefire ends at midnight tomorrow.', 'midnight tomorrow', '2016-02-28', '2016-03-01T00:00'],
      ['They met at noon.', 'noon', '2015-11-25', '2015-11-25T12:00'],
    ];
    for (const [text, span, ref, expected] of cases) {
      const value = valueOf(text, span, ref);
      assert.equal(value, expected, text);
      assert.match(value!, TIMEX_TIME);
    }
  });
});
