// Date detection (TimeML extents), resolution to TIMEX3 values and reference-date detection.
import { strict as assert } from 'node:assert';
import { detectReferenceDate, findDates, resolveDate } from '../../../../src/core/dates';

const spans = (text: string) => findDates(text).map(d => text.slice(d.start, d.end));

/** The value of the single date found in `text` whose span is `span`. */
function valueOf(text: string, span: string, ref: string | null): string | null {
  const hit = findDates(text).find(d => text.slice(d.start, d.end) === span);
  assert.ok(hit, `"${span}" not found in "${text}"; found ${JSON.stringify(spans(text))}`);
  return resolveDate(hit.expr, ref).value;
}

describe('findDates: must find, with the TimeML extent', () => {
  const cases: [string, string[]][] = [
    ['Putin said on Tuesday that Turkey had stabbed Russia in the back.', ['Tuesday']],
    ['The ministers met on Monday, May 9, 2016 in Moscow.', ['Monday, May 9, 2016']],
    ['November 5, 2015', ['November 5, 2015']],
    ['It was signed on 5 November 2015 in Vienna.', ['5 November 2015']],
    ['The report was published in November 2015.', ['November 2015']],
    ['The deal closed on Nov. 5, 1989, the company said.', ['Nov. 5, 1989']],
    ['Stocks fell sharply last week.', ['last week']],
    ['Sales rose earlier this year.', ['earlier this year']],
    ['The war ended in 1945.', ['1945']],
    ['It happened on July 15.', ['July 15']],
    ['Profit rose 5% in the third quarter.', ['the third quarter']],
    ['The company posted a third-quarter net loss.', ['third-quarter']],
    ['Net income was $2 million a year earlier.', ['a year earlier']],
    ['He left two weeks ago.', ['two weeks ago']],
    ['The plant opened nearly four years ago.', ['nearly four years ago']],
    ['Prices are now rising.', ['now']],
    ['The bank recently raised rates.', ['recently']],
    ['He will not run in the future.', ['the future']],
    ['She arrived yesterday and leaves tomorrow.', ['yesterday', 'tomorrow']],
    ['The meeting is set for Wednesday night.', ['Wednesday night']],
    ['Trading resumes at 10:30 a.m. today.', ['10:30 a.m. today']],
    ['The shooting happened around 7:15 p.m. near the store.', ['around 7:15 p.m.']],
    ['He will leave at 4 in the morning.', ['4 in the morning']],
    ['The deal should close by end of 2013, he said.', ['end of 2013']],
    ['Polls open at 7 a.m. local time Sunday.', ['7 a.m. local time Sunday']],
    ['The factory was built in the 1990s.', ['the 1990s']],
    ['It began in the late 1970s.', ['the late 1970s']],
    ['The record was set last fall.', ['last fall']],
    ['Results for fiscal 1989 were weak.', ['fiscal 1989']],
    ["Tuesday's vote was close.", ['Tuesday']],
    ['The ceasefire began on 2015-11-05.', ['2015-11-05']],
    ['(Tuesday) was calm.', ['Tuesday']],
    ['"Last week" he said no.', ['Last week']],
    ['Editorial on Saturday, April 25: The court ruled.', ['Saturday, April 25']],
    ['He was born in the 20th century.', ['the 20th century']],
    ['Talks resume in May.', ['May']],
    ['It rained in early March.', ['early March']],
    ['Sales in the year-ago quarter were flat.', ['the year-ago quarter']],
    ['nineteen ninety-six was a good year.', ['nineteen ninety-six']],
    ['It opened on November 5th and closed on the 9th of December.', ['November 5th', '9th of December']],
    ['They rescued him last Thanksgiving.', ['last Thanksgiving']],
    ['Prices rose 3 percent late last week.', ['late last week']],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => assert.deepEqual(spans(text), expected));
  }
});

describe('findDates: must not find', () => {
  const cases: string[] = [
    'You may leave the firm.',
    'Protesters will march to the square.',
    'March on, they cried.',
    'May I ask a question?',
    'The company employs 1990 people.',
    'Shares rose to $2015 each.',
    'The index closed at 2,015.5 points.',
    'The rate was 1999% higher.',
    'She spoke with April Smith and June Carter.',
    'He attended the fall of the Berlin Wall.',
    'The past tense is hard.',
    'A quarter of the people voted.',
    'In their forties, they moved.',
    'Shoppers crowded stores on Black Friday.',
    'The flight leaves every Tuesday and each Thursday.',
    'Orangemen march each July.',
    'The Sunday Times reported the story, and the Mail on Sunday followed.',
    'Flight 1549 landed on the Hudson.',
    'The PC ran Windows 2000 until it failed.',
    'He recalled Bloody Sunday in Derry.',
    'Call 555-2015 for details.',
    'The now-defunct firm closed.',
    '',
  ];
  for (const text of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(spans(text), []);
    });
  }
  it('"over the last year" is a duration', () => assert.deepEqual(spans('Prices rose over the last year.'), []));
  it('"the past three years" is a duration', () => assert.deepEqual(spans('Prices rose in the past three years.'), []));
  it('"This Week" (a programme title) is not a date', () => assert.deepEqual(spans('Baker said on ABC\'s "This Week" that it was over.'), []));
});

describe('resolveDate', () => {
  const cases: [string, string, string | null, string | null][] = [
    // sentence, span, reference date, value
    ['Putin said on Tuesday that the jet was downed.', 'Tuesday', '2015-11-25', '2015-11-24'],
    ['Erdogan spoke on Wednesday.', 'Wednesday', '2015-11-25', '2015-11-25'],
    ['The ministers will meet on Tuesday.', 'Tuesday', '2015-11-25', '2015-12-01'],
    ['The ministers will meet on Wednesday.', 'Wednesday', '2015-11-25', '2015-11-25'],
    ['The group could arrive as early as Tuesday.', 'Tuesday', '2000-04-03', '2000-04-04'],
    ['The offer had been due to expire Friday.', 'Friday', '1989-10-30', '1989-10-27'],
    ['Officials postponed any action until Tuesday.', 'Tuesday', '2000-03-30', '2000-04-04'],
    ['They met last Friday.', 'last Friday', '2015-11-25', '2015-11-20'],
    ['They meet next Friday.', 'next Friday', '2015-11-25', '2015-11-27'],
    ['Stocks fell last week.', 'last week', '2015-11-05', '2015-W44'],
    ['Sales rose earlier this year.', 'earlier this year', '2015-11-05', '2015'],
    ['It happened on July 15.', 'July 15', '2016-11-25', '2016-07-15'],
    ['The dividend is payable Dec. 15.', 'Dec. 15', '1989-11-02', '1989-12-15'],
    ['The plan was announced Aug. 21.', 'Aug. 21', '1989-10-27', '1989-08-21'],
    ['The report was published in November 2015.', 'November 2015', null, '2015-11'],
    ['Monday, May 9, 2016', 'Monday, May 9, 2016', null, '2016-05-09'],
    ['The war ended in 1945.', '1945', null, '1945'],
    ['It happened on July 15.', 'July 15', null, null],
    ['Putin said on Tuesday that the jet was downed.', 'Tuesday', null, null],
    ['She arrived yesterday.', 'yesterday', '2015-11-25', '2015-11-24'],
    ['She leaves tomorrow.', 'tomorrow', '2015-12-31', '2016-01-01'],
    ['He left two weeks ago.', 'two weeks ago', '2015-11-25', '2015-W46'],
    ['Prices fell five years ago.', 'five years ago', '2015-11-25', '2010'],
    ['Prices are now rising.', 'now', null, 'PRESENT_REF'],
    ['The bank recently raised rates.', 'recently', '2015-11-25', 'PAST_REF'],
    ['He will not run in the future.', 'the future', '2015-11-25', 'FUTURE_REF'],
    ['Profit rose in the third quarter.', 'the third quarter', '1989-10-26', '1989-Q3'],
    ['Profit fell in the fourth quarter.', 'the fourth quarter', '1990-02-10', '1989-Q4'],
    ['Sales rose 5% in the quarter.', 'the quarter', '1989-10-26', '1989-Q3'],
    ['Net income was $2 million, or 5 cents a share, a year earlier.', 'a year earlier', '1989-10-26', '1988-Q3'],
    ['The unemployment rate was higher a year earlier.', 'a year earlier', '1989-10-26', '1988'],
    ['The record was set last fall.', 'last fall', '1998-02-10', '1997-FA'],
    ['The factory was built in the 1990s.', 'the 1990s', null, '199'],
    ['He was born in the 20th century.', 'the 20th century', null, '19'],
    ['Trading resumes at 10:30 a.m. today.', '10:30 a.m. today', '2015-11-25', '2015-11-25T10:30'],
    ['He will leave at 4 in the morning.', '4 in the morning', '2000-04-05', '2000-04-05T04:00'],
    ['At 3:30 p.m. ET on Wednesday, the index was up.', '3:30 p.m. ET', '2013-03-21', '2013-03-20T15:30'],
    ['The vote was held on Friday at 9 a.m. sharp.', '9 a.m.', '2013-03-21', '2013-03-15T09:00'],
    ['The meeting ended Wednesday night.', 'Wednesday night', '2015-11-26', '2015-11-25TNI'],
    ['Markets were quiet this week.', 'this week', '2016-01-01', '2015-W53'],
    ['Sales fell last month.', 'last month', '2016-01-15', '2015-12'],
    ['It was signed on 5 November 2015 in Vienna.', '5 November 2015', null, '2015-11-05'],
    ['The storm hit in early March.', 'early March', '1999-02-10', '1999-03'],
    ['Talks broke down last November.', 'last November', '1998-11-20', '1997-11'],
    ['The summit was held at Christmas.', 'Christmas', '1998-12-28', '1998-12-25'],
    ['They rescued him last Thanksgiving.', 'last Thanksgiving', '2000-01-07', '1999-11-25'],
    ['Apple reported Q3 2015 revenue of $50 billion.', 'Q3 2015', null, '2015-Q3'],
    ['Guidance for FY2016 was cut.', 'FY2016', null, '2016'],
    ['Sales fell in the first quarter of this year.', 'the first quarter of this year', '2013-05-02', '2013-Q1'],
    ['Profit, at 5 cents a share, was up from the same period last year.', 'the same period last year', '2013-05-02', '2012-Q1'],
    ['The storm hit in late November.', 'late November', '2015-12-02', '2015-11'],
  ];
  for (const [text, span, ref, value] of cases) {
    it(`"${span}" in ${JSON.stringify(text)} with ${ref} -> ${value}`, () => assert.equal(valueOf(text, span, ref), value));
  }
  it("never reads today's clock: relative dates without a reference date stay null", () => {
    for (const text of ['yesterday', 'last week', 'this year', 'Friday', 'the third quarter', 'July 4']) {
      for (const d of findDates(`It happened ${text}.`)) assert.equal(resolveDate(d.expr, null).value, null, text);
    }
  });
  it('an invalid calendar date resolves to null', () => assert.equal(valueOf('It happened on Feb. 30, 2015.', 'Feb. 30, 2015', null), null));
});

describe('detectReferenceDate', () => {
  const cases: [string, string | null][] = [
    ['Russia sends missiles to Syria\n\nNovember 5, 2015\n\nRussia has sent missile systems.', '2015-11-05'],
    ['Monday, May 9, 2016\nThe parade took place in Moscow.', '2016-05-09'],
    ['Published 2015-11-05 10:42\nText follows.', '2015-11-05'],
    ['5 November 2015\nText follows.', '2015-11-05'],
    ['MOSCOW (Reuters) - Stocks rose on Tuesday.', null],
    ['Nov. 5, 2015 - The government said on Tuesday it would act.', '2015-11-05'],
    ['By Jane Doe | Published: Thursday 5 November 2015 12:34 GMT\nText.', '2015-11-05'],
    ['The poet, who was born on March 12, 1950 in Lyon, died at home surrounded by his family.', null],
    ['See https://example.com/news/2015/11/05/story.html\nText.', '2015-11-05'],
    ['No date at all here.', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text.slice(0, 40))} -> ${expected}`, () => assert.equal(detectReferenceDate(text), expected));
  }
});

describe('robustness', () => {
  const inputs = [
    '🎉 Tuesday 🎉 was fun 👍🏽 on Nov. 5, 2015.',
    'يوم الثلاثاء Tuesday مرحبا 2015',
    'Bogota\u0301 on Tuesday',
    '\u0000\uFFFF\uD800 unpaired surrogate 1999',
    'x'.repeat(4000),
    'Tuesday '.repeat(500),
    '1999 '.repeat(800),
  ];
  for (const text of inputs) {
    it(`never throws and spans are in bounds: ${JSON.stringify(text.slice(0, 30))}`, () => {
      for (const d of findDates(text)) {
        assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end);
        const c = text.charCodeAt(d.start);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'span starts inside a surrogate pair');
        assert.doesNotThrow(() => resolveDate(d.expr, '2015-11-25'));
        assert.doesNotThrow(() => resolveDate(d.expr, null));
      }
      assert.doesNotThrow(() => detectReferenceDate(text));
    });
  }
  it('is linear: 4000 characters take well under 50 ms', () => {
    const text = 'On Tuesday, Nov. 5, 1989, the company said third-quarter profit rose from a year earlier. '.repeat(45).slice(0, 4000);
    findDates(text);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) findDates(text);
    assert.ok((performance.now() - t0) / 10 < 50);
  });
});
