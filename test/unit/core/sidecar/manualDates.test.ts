// Manual dates re-resolve (issue 12): a date marked by hand moves with the reference date like the automatic ones,
// a longer extent gets the value of the date inside it, and a value set by hand (Set Date Value) stays until cleared.
import { strict as assert } from 'node:assert';
import { Analyzer, ArticleSession } from '../../../../src/core';
import { resolveDateText, timexPrecision, timexProblem } from '../../../../src/core/dates';
import { addAnnotation, EditError, setDateValue, setReferenceDate, type Sidecar } from '../../../../src/core/sidecar';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const TEXT = 'Angela Merkel spoke on Tuesday.\nThe talks resume Wednesday late afternoon, officials said.\nNothing was decided on Friday.\n';

async function session() {
  const s = new ArticleSession({ storage: new InMemoryStorage(), sidecarPath: '/w/a.txt.annotations.json', file: 'a.txt', analyzer: new Analyzer() });
  await s.load();
  s.analyze(TEXT);
  return s;
}

const span = (text: string) => ({ start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length });
const dateAt = (s: Sidecar, text: string) => s.annotations.find(a => a.type === 'date' && a.text === text)!;

describe('manual dates re-resolve', () => {
  it('"Wednesday" marked by hand moves with the reference date as the automatic "Tuesday" does', async () => {
    const s = await session();
    s.edit('Reference date', TEXT, sc => setReferenceDate(sc, '2015-11-26'));
    s.edit('Add date', TEXT, (sc, t) => addAnnotation(sc, t, span('Wednesday'), 'date'));
    assert.equal(dateAt(s.sidecar!, 'Wednesday').source, 'manual');
    assert.equal(dateAt(s.sidecar!, 'Wednesday').value, '2015-11-25');
    assert.equal(dateAt(s.sidecar!, 'Tuesday').value, '2015-11-24');
    const after = s.edit('Reference date', TEXT, sc => setReferenceDate(sc, '2015-12-03'));
    assert.equal(dateAt(after, 'Tuesday').value, '2015-12-01');
    assert.equal(dateAt(after, 'Wednesday').value, '2015-12-02', 'the manual date moved too');
    assert.equal(dateAt(after, 'Wednesday').precision, 'day');
  });

  it('a longer manual extent ("Wednesday late afternoon") gets the value of the date inside it', async () => {
    const s = await session();
    s.edit('Reference date', TEXT, sc => setReferenceDate(sc, '2015-11-26'));
    const after = s.edit('Add date', TEXT, (sc, t) => addAnnotation(sc, t, span('Wednesday late afternoon'), 'date'));
    const d = dateAt(after, 'Wednesday late afternoon');
    assert.equal(d.value, '2015-11-25');
    assert.equal(d.valueFixed, undefined);
  });

  it('Set Date Value fixes the value (with its precision) across reference-date changes; clearing it resolves again', async () => {
    const s = await session();
    s.edit('Reference date', TEXT, sc => setReferenceDate(sc, '2015-11-26'));
    const auto = dateAt(s.sidecar!, 'Friday');
    assert.equal(auto.source, 'auto');
    s.edit('Set value', TEXT, (sc, t) => setDateValue(sc, t, auto.id, '2015-W47'));
    let d = dateAt(s.sidecar!, 'Friday');
    assert.deepEqual([d.source, d.value, d.precision, d.valueFixed], ['manual', '2015-W47', 'week', true]);
    s.edit('Reference date', TEXT, sc => setReferenceDate(sc, '2016-01-10'));
    d = dateAt(s.sidecar!, 'Friday');
    assert.equal(d.value, '2015-W47', 'a fixed value does not move');
    s.edit('Clear value', TEXT, (sc, t) => setDateValue(sc, t, d.id, null));
    d = dateAt(s.sidecar!, 'Friday');
    assert.deepEqual([d.value, d.precision, d.valueFixed], ['2016-01-08', 'day', undefined]);
  });

  it('Set Date Value refuses a value that is not TIMEX3, and a mention that is not a date', async () => {
    const s = await session();
    const friday = dateAt(s.sidecar!, 'Friday');
    assert.throws(
      () => setDateValue(s.sidecar!, TEXT, friday.id, '25/11/2015'),
      (e: unknown) => e instanceof EditError && /not a TIMEX3 date value/.test(e.message),
    );
    const merkel = s.sidecar!.annotations.find(a => a.text === 'Angela Merkel')!;
    assert.throws(() => setDateValue(s.sidecar!, TEXT, merkel.id, '2015'), /only a date has a value/);
  });
});

describe('dates/timex: the date values Set Date Value accepts', () => {
  it('reads every shape the resolver writes and the TIMEX3 forms, with their precision', () => {
    const cases: [string, string][] = [
      ['2015', 'year'],
      ['2015-11', 'month'],
      ['2015-11-25', 'day'],
      ['2015-11-25TEV', 'day'],
      ['2015-11-25T14:30', 'time'],
      ['T14:30', 'time'],
      ['2015-W48', 'week'],
      ['2015-W48-WE', 'week'],
      ['2015-Q4', 'quarter'],
      ['2015-H2', 'quarter'],
      ['2015-SU', 'season'],
      ['2015-WI', 'season'],
      ['199', 'decade'],
      ['19', 'century'],
      ['PRESENT_REF', 'reference'],
      ['PAST_REF', 'reference'],
      ['FUTURE_REF', 'reference'],
    ];
    for (const [value, precision] of cases) assert.equal(timexPrecision(value), precision, value);
  });

  it('refuses what is not a date value, or out of range, with a message that shows the forms', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2015-13',
      '2015-02-30',
      '2015-11-25T25:00',
      'T12:60',
      '2015-W54',
      '2015-W00',
      '2015-Q5',
      '2015-XX',
      '25/11/2015',
      ' 2015',
      'NOW_REF',
    ]) {
      assert.equal(timexPrecision(bad), null, bad);
    }
    assert.match(timexProblem('2015-13')!, /"2015-13" is not a TIMEX3 date value: write e\.g\. 2015-11-25/);
    assert.equal(timexProblem('2015-Q3'), undefined);
  });

  it('resolveDateText: the whole text when it is one date, else the longest date inside it, else none', () => {
    assert.deepEqual(resolveDateText('Wednesday', '2015-11-26'), { value: '2015-11-25', precision: 'day' });
    assert.deepEqual(resolveDateText('Wednesday late afternoon', '2015-11-26'), { value: '2015-11-25', precision: 'day' });
    assert.deepEqual(resolveDateText('the meeting of November 3, 2015 in Vienna', null), { value: '2015-11-03', precision: 'day' });
    assert.deepEqual(resolveDateText('a certain day around Easter', '2015-11-26'), { value: null, precision: null });
    assert.deepEqual(resolveDateText('Wednesday', null), { value: null, precision: null });
  });
});
