// The article's own date from datelines, publication stamps and front matter. Every article here is made up for
// this test (no dataset text); each case names the form it stands for.
import { strict as assert } from 'node:assert';
import { detectReferenceDate } from '../../../../src/core/dates';

const cases: [form: string, text: string, expected: string | null][] = [
  // Reuters
  ['Reuters with the year', 'WASHINGTON, March 3, 2025 (Reuters) - Officials said on Monday they would review the plan.', '2025-03-03'],
  ['Reuters after a headline', 'Lawmakers delay budget vote\n\nLONDON, Oct. 14, 2024 (Reuters) - British lawmakers on Monday put off a vote.', '2024-10-14'],
  [
    'Reuters without a year and no year elsewhere: unresolved, not guessed',
    'WASHINGTON, March 3 (Reuters) - Officials said on Monday they would review the plan.',
    null,
  ],
  [
    'Reuters without a year, the year from an "Updated" stamp',
    'Updated March 4, 2025 9:12 AM\nWASHINGTON, March 3 (Reuters) - Officials said on Monday they would act.',
    '2025-03-03',
  ],
  [
    'Reuters without a year across New Year: the nearest year',
    'Updated Jan. 2, 2026\nTOKYO, Dec. 31 (Reuters) - Markets closed early on Wednesday.',
    '2025-12-31',
  ],
  [
    'Reuters without a year, the year from front matter',
    '---\ntitle: Plan review\nupdated: 2025-03-05\n---\nWASHINGTON, March 3 (Reuters) - Officials said they would act.',
    '2025-03-03',
  ],
  [
    'Reuters without a year, the year from a copyright line',
    `BERLIN, June 9 (Reuters) - Factory orders fell.\n${'More text follows. '.repeat(100)}\n\u00a9 2024 Example Media. All rights reserved.`,
    '2024-06-09',
  ],
  ['Reuters without a year: a body date does not give the year', 'PARIS, May 2 (Reuters) - The museum, which opened on May 2, 1998, closed for a week.', null],
  // AP
  ['AP with a date stamp line', 'Storm hits the coast\nMarch 3, 2025\nMIAMI (AP) \u2014 A storm knocked out power to thousands on Monday.', '2025-03-03'],
  [
    'AP with an "Updated" stamp and an abbreviated weekday',
    'Updated 10:42 AM EST, Mon March 3, 2025\nMIAMI (AP) \u2014 A storm knocked out power on Monday.',
    '2025-03-03',
  ],
  ['AP byline with a date', 'By JANE ROE Associated Press  March 3, 2025, 10:42 AM\nMIAMI (AP) \u2014 A storm hit on Monday.', '2025-03-03'],
  // AFP
  ['AFP without a date and nothing else', 'PARIS (AFP) - French unions called a strike for Thursday.', null],
  ['AFP with a country and a "Published" stamp', 'Published on 12/03/2025 at 10:42\nLYON, France (AFP) - Unions called a strike for Thursday.', null],
  [
    'AFP with a country and an unambiguous numeric stamp',
    'Published on 13/03/2025 at 10:42\nLYON, France (AFP) - Unions called a strike for Thursday.',
    '2025-03-13',
  ],
  ['AFP with a dotted day-first stamp', 'Publi\u00e9 / Published 03.04.2025\nLYON, France (AFP) - Unions called a strike.', '2025-04-03'],
  // PR wires
  ['PR Newswire', 'NEW YORK, March 3, 2025 /PRNewswire/ -- Example Corp. today announced a new product.', '2025-03-03'],
  ['PR Newswire with a sub-brand', 'WASHINGTON, Feb. 27, 2025 /PRNewswire-USNewswire/ -- The Example Foundation today released a report.', '2025-02-27'],
  ['GLOBE NEWSWIRE with a zero-padded day', 'TORONTO, March 03, 2025 (GLOBE NEWSWIRE) -- Example Inc. reported results.', '2025-03-03'],
  ['Business Wire, date after the agency', 'SAN FRANCISCO--(BUSINESS WIRE)--March 3, 2025--Example Inc. today announced results.', '2025-03-03'],
  // Published / Updated / Posted stamps
  ['"Published:" with a day-first date', 'Published: 3 March 2025\nThe council met on Tuesday.', '2025-03-03'],
  ['"Published" with a US numeric date (day above 12)', 'Published 03/15/2025\nThe council met on Tuesday.', '2025-03-15'],
  ['"Published" with a same day-and-month numeric date', 'Published 03/03/2025\nThe council met on Tuesday.', '2025-03-03'],
  ['"Published" with an ambiguous numeric date and nothing else: unresolved', 'Published 03/04/2025\nThe council met on Tuesday.', null],
  ['ISO timestamp stamp', 'Posted 2025-03-03T10:42:00Z\nThe council met on Tuesday.', '2025-03-03'],
  ['"Published" wins over "Updated"', 'Published March 3, 2025 | Updated March 5, 2025\nThe council met on Tuesday.', '2025-03-03'],
  ['"Published" wins over a yearful dateline on a later line', 'Published March 2, 2025\nWASHINGTON, March 3, 2025 (Reuters) - Officials said.', '2025-03-02'],
  ['byline with a stamp after a bar', 'By Jane Doe | Published: Thursday 5 November 2015 12:34 GMT\nText.', '2015-11-05'],
  ['"Updated" only, as a last resort', 'Updated: 2025-03-05 08:00\nThe council met on Tuesday.', '2025-03-05'],
  // front matter
  ['YAML front matter date', '---\ntitle: "Council meets"\ndate: 2025-03-03\n---\nThe council met on Tuesday.', '2025-03-03'],
  ['YAML front matter pubDate with a timestamp', '---\npubDate: "2025-03-03T10:42:00+01:00"\nauthor: Jane Doe\n---\nThe council met on Tuesday.', '2025-03-03'],
  [
    'YAML front matter "published" wins over "updated" and a dateline',
    '---\nupdated: 2025-03-09\npublished: March 3, 2025\n---\nROME, March 4, 2025 (Reuters) - Text.',
    '2025-03-03',
  ],
  ['TOML front matter', '+++\ntitle = "Council meets"\ndate = 2025-03-03T09:00:00Z\n+++\nThe council met on Tuesday.', '2025-03-03'],
  // what is not the article's date
  ['a date inside a body sentence', 'The poet, who was born on March 12, 1950 in Lyon, died at home surrounded by his family.', null],
  [
    '"published" inside a sentence is not a stamp',
    'The study, which the journal published on March 3, 2025 after two years of review, found a small effect.',
    null,
  ],
  ['a URL date', 'See https://example.com/news/2025/03/03/story.html\nText.', '2025-03-03'],
];

describe('detectReferenceDate: datelines, stamps and front matter', () => {
  for (const [form, text, expected] of cases) {
    it(`${form} -> ${expected}`, () => assert.equal(detectReferenceDate(text), expected));
  }
});
