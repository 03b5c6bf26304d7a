import { strict as assert } from 'node:assert';
import {
  articleTimeline,
  isoInstant,
  mergeTimelines,
  TIMELINE_CSV_COLUMNS,
  TIMELINE_SENTENCE_MAX,
  timelineCsv,
  type Annotation,
  type TimelineSource,
} from '../../../../src/core';
import { analyzed } from './article';

const STORY =
  [
    'Turkish President Recep Tayyip Erdogan said on Tuesday that Russia had been warned.',
    'Vladimir Putin, speaking in Sochi, called it a stab in the back last week.',
    'NATO met in Brussels in the summer of 2015 and again in November 2015.',
    'Relations had been warm since the 1990s, officials in Ankara said yesterday.',
    'Nobody knows what happened that day.',
  ].join('\n') + '\n';

const source = (text: string, referenceDate: string | null, article = 'story.txt'): TimelineSource => {
  const a = analyzed(text, referenceDate ? { referenceDate } : {});
  return { article, text, annotations: a.annotations, entities: a.entities, referenceDate: a.referenceDate };
};

describe('core/present/timeline', () => {
  it('lists every resolved date of an article in date order, with its words, precision and span', () => {
    const t = articleTimeline(source(STORY, '2015-11-24'));
    assert.deepEqual(
      t.events.map(e => [e.text, e.value, e.human, e.precision]),
      [
        ['the 1990s', '199', 'the 1990s', 'decade'],
        ['the summer of 2015', '2015-SU', 'summer 2015', 'season'],
        ['November 2015', '2015-11', 'Nov 2015', 'month'],
        ['last week', '2015-W47', 'week of 16 Nov 2015', 'week'],
        ['yesterday', '2015-11-23', 'Mon 23 Nov 2015', 'day'],
        ['Tuesday', '2015-11-24', 'Tue 24 Nov 2015', 'day'],
      ],
    );
    const day = t.events.find(e => e.text === 'Tuesday')!;
    assert.deepEqual([new Date(day.from).toISOString(), new Date(day.to).toISOString()], ['2015-11-24T00:00:00.000Z', '2015-11-25T00:00:00.000Z']);
    for (let i = 1; i < t.events.length; i++) assert.ok(t.events[i - 1].from <= t.events[i].from, 'sorted by start');
  });

  it('gives each event its sentence, line, offsets, and the people, places and organizations of that sentence', () => {
    const t = articleTimeline(source(STORY, '2015-11-24'));
    const week = t.events.find(e => e.text === 'last week')!;
    assert.equal(week.article, 'story.txt');
    assert.equal(week.line, 2);
    assert.equal(STORY.slice(week.start, week.end), 'last week');
    assert.equal(week.sentence, 'Vladimir Putin, speaking in Sochi, called it a stab in the back last week.');
    assert.deepEqual(week.entities, [
      { type: 'person', name: 'Vladimir Putin', entity: week.entities[0].entity },
      { type: 'place', name: 'Sochi', entity: week.entities[1].entity },
    ]);
    const tuesday = t.events.find(e => e.text === 'Tuesday')!;
    assert.deepEqual(
      tuesday.entities.map(e => [e.type, e.name]),
      [
        ['person', 'Recep Tayyip Erdogan'],
        ['place', 'Russia'],
      ],
    );
    const summer = t.events.find(e => e.value === '2015-SU')!;
    const november = t.events.find(e => e.value === '2015-11')!;
    assert.deepEqual(summer.entities, november.entities, 'two dates in one sentence share its entities');
    assert.deepEqual(
      summer.entities.map(e => e.name),
      ['NATO', 'Brussels'],
    );
  });

  it('lists the dates it cannot place apart, in article order, saying why', () => {
    const t = articleTimeline(source(STORY, '2015-11-24'));
    assert.deepEqual(
      t.unplaced.map(u => [u.text, u.value, u.reason, u.line]),
      [['that day', null, 'unresolved: set the reference date', 5]],
    );
    const noRef = articleTimeline(source(STORY, null));
    assert.deepEqual(
      noRef.events.map(e => e.value),
      ['199', '2015-SU', '2015-11'],
    );
    assert.deepEqual(
      noRef.unplaced.map(u => u.text),
      ['Tuesday', 'last week', 'yesterday', 'that day'],
    );
  });

  it('places the present, past and future references on the reference date, in words', () => {
    const text = 'The talks were held in the past. They are over now. More will come in the future.\n';
    const date = (id: string, phrase: string, value: string): Annotation => ({
      id,
      type: 'date',
      start: text.indexOf(phrase),
      end: text.indexOf(phrase) + phrase.length,
      text: phrase,
      source: 'manual',
      value,
    });
    const annotations = [date('m1', 'the past', 'PAST_REF'), date('m2', 'now', 'PRESENT_REF'), date('m3', 'the future', 'FUTURE_REF')];
    const withRef = articleTimeline({ article: 'r.txt', text, annotations, entities: [], referenceDate: { value: '2015-11-24', source: 'user' } });
    assert.deepEqual(
      withRef.events.map(e => [e.value, e.human, e.precision]),
      [
        ['PAST_REF', 'before 24 Nov 2015', 'reference'],
        ['PRESENT_REF', 'the present', 'reference'],
        ['FUTURE_REF', 'after 24 Nov 2015', 'reference'],
      ],
    );
    const without = articleTimeline({ article: 'r.txt', text, annotations, entities: [], referenceDate: null });
    assert.deepEqual(without.events, []);
    assert.deepEqual(
      without.unplaced.map(u => [u.value, u.reason]),
      [
        ['PAST_REF', 'no reference date to place it by'],
        ['PRESENT_REF', 'no reference date to place it by'],
        ['FUTURE_REF', 'no reference date to place it by'],
      ],
    );
  });

  it('the readable forms follow the locale', () => {
    const t = articleTimeline(source(STORY, '2015-11-24'), { locale: 'fr' });
    assert.deepEqual(
      t.events.slice(0, 3).map(e => e.human),
      ['les années 1990', 'été 2015', 'nov. 2015'],
    );
  });

  it('a manual value the timeline cannot read is listed apart, not dropped', () => {
    const text = 'It happened at some point.\n';
    const a: Annotation = { id: 'm1', type: 'date', start: 15, end: 25, text: 'some point', source: 'manual', value: 'XXXX-XX' };
    const t = articleTimeline({ article: 'x.txt', text, annotations: [a], entities: [], referenceDate: null });
    assert.deepEqual(
      t.unplaced.map(u => [u.value, u.reason]),
      [['XXXX-XX', 'a value the timeline cannot read']],
    );
  });

  it('bounds the sentence (a whole-article line must not make a huge timeline)', () => {
    const text = `${'word '.repeat(2000)}on 24 November 2015 ${'word '.repeat(2000)}\n`;
    const t = articleTimeline(source(text, null));
    assert.equal(t.events.length, 1);
    assert.ok(t.events[0].sentence.length <= TIMELINE_SENTENCE_MAX);
  });

  it('merges articles into one timeline in date order (a corpus)', () => {
    const a = articleTimeline(source('The deal was signed on 3 March 2015 in Paris.\n', null, 'a.txt'));
    const b = articleTimeline(source('Talks began in 2014 and ended on 3 March 2015.\n', null, 'b.txt'));
    const merged = mergeTimelines([b, a]);
    assert.deepEqual(
      merged.events.map(e => [e.article, e.value]),
      [
        ['b.txt', '2014'],
        ['a.txt', '2015-03-03'],
        ['b.txt', '2015-03-03'],
      ],
    );
  });

  it('as CSV: a header, one row per placed date in date order, spans as ISO instants, cells safe for spreadsheets', () => {
    const text = 'On 24 November 2015 =HYPERLINK("x") met Angela Merkel in Berlin. In 2014, too.\n';
    const csv = timelineCsv(articleTimeline(source(text, null, '=a.txt')));
    const rows = csv.split('\r\n');
    assert.equal(rows[0], TIMELINE_CSV_COLUMNS.join(','));
    assert.equal(rows.length, 4, 'two dates, and CRLF after every row');
    assert.equal(rows[3], '');
    assert.equal(rows[1], `2014,2014,year,2014-01-01,2015-01-01,"'=a.txt",1,2014,"In 2014, too.",,,`);
    assert.match(
      rows[2],
      /^2015-11-24,Tue 24 Nov 2015,day,2015-11-24,2015-11-25,"'=a\.txt",1,24 November 2015,"On 24 November 2015 =HYPERLINK\(""x""\) met Angela Merkel in Berlin\.",/,
    );
    assert.match(rows[2], /[,;] ?Angela Merkel,Berlin,$/);
    assert.deepEqual([isoInstant(Date.UTC(2015, 10, 24)), isoInstant(Date.UTC(2015, 10, 24, 15, 30))], ['2015-11-24', '2015-11-24T15:30Z']);
  });
});
