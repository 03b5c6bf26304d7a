import { strict as assert } from 'node:assert';
import { analyze, dateLocale, dateSpan, humanDate, precisionOfValue } from '../../../../src/core';

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', '').replace('T00:00', '');
const span = (value: string, ref?: string) => {
  const s = dateSpan(value, ref);
  return s && [s.precision, iso(s.start), iso(s.end)];
};

describe('core/present/dateText', () => {
  // every value shape the resolver writes (src/core/dates/resolve.ts), its words, and the time it covers
  const SHAPES: [value: string, human: string, span: [string, string, string]][] = [
    ['2015-11-24', 'Tue 24 Nov 2015', ['day', '2015-11-24', '2015-11-25']],
    ['2015-11-24T15:00', 'Tue 24 Nov 2015, 15:00', ['time', '2015-11-24T15:00', '2015-11-24T15:01']],
    ['2015-11-24TMO', 'Tue 24 Nov 2015, morning', ['day', '2015-11-24', '2015-11-25']],
    ['2015-11-24TNI', 'Tue 24 Nov 2015, night', ['day', '2015-11-24', '2015-11-25']],
    ['2015-W44', 'week of 26 Oct 2015', ['week', '2015-10-26', '2015-11-02']],
    ['2015-W44-WE', 'weekend of 31 Oct 2015', ['week', '2015-10-31', '2015-11-02']],
    ['2015-W53', 'week of 28 Dec 2015', ['week', '2015-12-28', '2016-01-04']],
    ['2015-11', 'Nov 2015', ['month', '2015-11-01', '2015-12-01']],
    ['2026-Q2', 'Q2 2026', ['quarter', '2026-04-01', '2026-07-01']],
    ['2015-H2', 'second half of 2015', ['quarter', '2015-07-01', '2016-01-01']],
    ['2015-SP', 'spring 2015', ['season', '2015-03-01', '2015-06-01']],
    ['2015-SU', 'summer 2015', ['season', '2015-06-01', '2015-09-01']],
    ['2015-FA', 'autumn 2015', ['season', '2015-09-01', '2015-12-01']],
    ['1999-WI', 'winter 1999–00', ['season', '1999-12-01', '2000-03-01']],
    ['2015', '2015', ['year', '2015-01-01', '2016-01-01']],
    ['199', 'the 1990s', ['decade', '1990-01-01', '2000-01-01']],
    ['19', 'the 20th century', ['century', '1900-01-01', '2000-01-01']],
    ['20', 'the 21st century', ['century', '2000-01-01', '2100-01-01']],
    ['0050', '50', ['year', '0050-01-01', '0051-01-01']],
  ];

  for (const [value, human, expected] of SHAPES) {
    it(`${value} reads "${human}" and covers ${expected[1]} to ${expected[2]}`, () => {
      assert.equal(humanDate(value), human);
      assert.deepEqual(span(value), expected);
      assert.equal(precisionOfValue(value), expected[0]);
    });
  }

  it("the resolver's own values for decades and centuries read as the phrase they came from", () => {
    const r = analyze('It began in the 1990s and ended in the 19th century.', { referenceDate: '2015-11-24' });
    const dates = r.annotations.filter(a => a.type === 'date');
    assert.deepEqual(
      dates.map(a => [a.text, humanDate(a.value!), precisionOfValue(a.value!)]),
      [
        ['the 1990s', 'the 1990s', 'decade'],
        ['the 19th century', 'the 19th century', 'century'],
      ],
    );
  });

  it('PRESENT_REF, PAST_REF and FUTURE_REF read against the reference date, and sit on it', () => {
    const ref = '2015-11-24';
    assert.equal(humanDate('PRESENT_REF', { referenceDate: ref }), 'the present');
    assert.equal(humanDate('PAST_REF', { referenceDate: ref }), 'before 24 Nov 2015');
    assert.equal(humanDate('FUTURE_REF', { referenceDate: ref }), 'after 24 Nov 2015');
    assert.deepEqual(span('PAST_REF', ref), ['reference', '2015-11-24', '2015-11-25']);
    assert.equal(precisionOfValue('FUTURE_REF'), 'reference');
    // without a reference date they are words, not places
    assert.deepEqual(
      ['PRESENT_REF', 'PAST_REF', 'FUTURE_REF'].map(v => humanDate(v)),
      ['the present', 'the past', 'the future'],
    );
    assert.equal(dateSpan('PAST_REF', null), null);
    assert.equal(dateSpan('PAST_REF', 'not a date'), null);
  });

  it('a value it cannot read is shown as it is and has no span', () => {
    for (const v of ['', 'garbage', '2015-02-30', '2015-13', '2015-W54', '2015-11-24T25:00', '2015-Q5', '<b>']) {
      assert.equal(humanDate(v), v);
      assert.equal(dateSpan(v), null, v);
      assert.equal(precisionOfValue(v), null, v);
    }
  });

  it("never depends on the machine's time zone (UTC throughout)", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a local midnight would be the day before in UTC
      assert.equal(humanDate('2015-11-24'), 'Tue 24 Nov 2015');
      assert.equal(humanDate('2015-11-24T23:30'), 'Tue 24 Nov 2015, 23:30');
      assert.equal(new Date(dateSpan('2015-11-24')!.start).toISOString(), '2015-11-24T00:00:00.000Z');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('speaks the display language where it has the words, English elsewhere', () => {
    const ref = { referenceDate: '2015-11-24' };
    const say = (locale: string) => ['2015-11-24', '2015-W44', '2015-SU', '199', '19', 'PAST_REF'].map(v => humanDate(v, { locale, ...ref }));
    assert.deepEqual(say('fr'), ['mar. 24 nov. 2015', 'semaine du 26 oct. 2015', 'été 2015', 'les années 1990', 'le XXe siècle', 'avant le 24 nov. 2015']);
    assert.deepEqual(say('de-CH'), [
      'Di., 24. Nov. 2015',
      'Woche vom 26. Okt. 2015',
      'Sommer 2015',
      'die 1990er',
      'das 20. Jahrhundert',
      'vor dem 24. Nov. 2015',
    ]);
    assert.deepEqual(say('es'), ['mar, 24 nov 2015', 'semana del 26 oct 2015', 'verano de 2015', 'la década de 1990', 'el siglo XX', 'antes del 24 nov 2015']);
    assert.deepEqual(say('en-US'), say('en'));
    assert.deepEqual(say('ja'), say('en'));
    assert.deepEqual(say('not a locale!'), say('en'));
    assert.deepEqual([dateLocale('fr-CA'), dateLocale('en-US'), dateLocale('zh-cn'), dateLocale()], ['fr', 'en-GB', 'en-GB', 'en-GB']);
  });
});
