// fast-check generators shared by the CI-sized fuzz test (test/fuzz/fuzz.test.ts) and the long runs (scripts/fuzz.ts):
// article text a news desk could receive (wire copy, pasted web pages, broken encodings, text built to confuse),
// user edits of it, and sidecars carrying the user's annotations.
import fc from 'fast-check';
import type { AnnotationType, Lexicon, Span } from '../../src/core/types';
import type { TextChange } from '../../src/core/sidecar';

/** Pieces of text that have broken Unicode-handling code before; each is a separate hazard. */
export const HAZARDS = {
  astral: ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇫🇷', '🇺🇦', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠜎', '🏳️‍🌈', '❤️', '#️⃣', '𝟚𝟘𝟙𝟝'],
  combining: ['e\u0301', 'a\u0308', 'n\u0303', '\u0301', '\u0300\u0301\u0302', 'Z\u0351\u036b\u0343\u036a', 'ก\u0e31\u0e49', '\u093f', 'é'],
  zeroWidth: ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f'],
  bidi: ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'],
  lineBreaks: ['\r\n', '\r', '\n', '\n\n', '\r\n\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f'],
  rtl: ['موسكو', 'فلاديمير بوتين', 'الأربعاء ٢٤ نوفمبر ٢٠١٥', 'ירושלים', 'בנימין נתניהו', 'تهران'],
  punctuation: ['.', ',', '!', '?', '…', '—', '–', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', ':', ';', '/', '\\', '-', '...', '«', '»'],
  spaces: [' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\u205f'],
  loneSurrogates: ['\ud83d', '\ude00', '\udbff', '\udc00'],
  misc: [
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\ufffd',
    '\u00c3\u00a9',
    'ï»¿',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '[x](command:workbench.action.quit)',
    '${env:HOME}',
  ],
} as const;

/** Words and phrases the detectors react to, so noise lands inside and around real candidates. */
export const NEWS_PIECES = [
  'Vladimir Putin',
  'Putin',
  'Moscow',
  'MOSCOW',
  'Nato',
  'the United Nations',
  'U.N.',
  'Turkey',
  'Ankara',
  'Sergei Shoigu',
  'Mr. Obama',
  'Dr. Smith',
  'New York',
  'New York Times',
  'Reuters',
  'Bank of England',
  'Hemeimeem',
  'McDonald’s',
  "O'Neill",
  'Tuesday',
  'on Tuesday',
  'Nov. 24, 2015',
  'November 25, 2015',
  '2015-11-24',
  '24/11/2015',
  'last week',
  'next month',
  'in 1999',
  'the 1990s',
  'Q3 2015',
  'FY2015',
  'this morning',
  'at 4 p.m.',
  'yesterday',
  'two years ago',
  'May',
  'March 3',
  'spring 2016',
  'the 21st century',
  'mid-afternoon',
  'every Tuesday',
  'said',
  'the',
  'and',
  'in',
  'of',
  'a',
  'reported',
] as const;

const SENTENCES = [
  'Russian President Vladimir Putin said on Tuesday that Turkey had stabbed Russia in the back.',
  'MOSCOW (Reuters) - Sergei Shoigu met Nato officials in Brussels on Nov. 24, 2015.',
  'The Bank of England raised rates in Q3 2015, the first rise since the 1990s.',
  'Dr. Smith, who joined the United Nations last week, will travel to New York next month.',
  '“We will respond,” Mr. Obama told reporters at 4 p.m. yesterday in Washington.',
  'Hemeimeem air base in Syria was reinforced two years ago, officials said.',
] as const;

const allHazards: readonly string[] = Object.values(HAZARDS).flat();

/** One piece of text: a hazard, a news word, a plain ASCII word, or arbitrary code points. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...allHazards) },
  { weight: 4, arbitrary: fc.constantFrom(...NEWS_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...HAZARDS.spaces, ' ', ' ', ' ') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Z]?[a-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** Text made of hazards, news words and noise: up to `maxPieces` pieces. */
export const noisyText = (maxPieces = 60) => fc.array(piece, { maxLength: maxPieces }).map(p => p.join(''));

/** Realistic news sentences with noise spliced in at random places (inside words too). */
export const newsWithNoise: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }),
    fc.constantFrom(' ', '\n', '\r\n', '\n\n', '\r'),
    fc.array(fc.tuple(fc.nat(), piece), { maxLength: 8 }),
  )
  .map(([sentences, sep, noise]) => {
    let text = sentences.join(sep);
    for (const [at, p] of noise) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + p + text.slice(i);
    }
    return text;
  });

/** Texts with no words at all. */
export const degenerateText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom(...HAZARDS.punctuation), { maxLength: 200 }).map(p => p.join('')),
  fc.array(fc.constantFrom(...HAZARDS.spaces, ...HAZARDS.lineBreaks), { maxLength: 50 }).map(p => p.join('')),
  fc.array(fc.constantFrom(...HAZARDS.zeroWidth, ...HAZARDS.bidi, ...HAZARDS.combining), { maxLength: 50 }).map(p => p.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Prefixes a BOM now and then (VS Code drops it, but a string handed to the core may still carry one). */
const maybeBom = (a: fc.Arbitrary<string>) => fc.tuple(fc.boolean(), a).map(([bom, t]) => (bom ? '\ufeff' + t : t));

/** Every kind of article text, short enough for thousands of cases. */
export const articleText: fc.Arbitrary<string> = maybeBom(
  fc.oneof({ weight: 4, arbitrary: noisyText() }, { weight: 4, arbitrary: newsWithNoise }, { weight: 1, arbitrary: degenerateText }),
);

/**
 * One long line (no line break) of `size` code units, so the segmenter has to cut inside a line: repeated news
 * text, a run of one word, or a run of noise. Used by a few cases only (each takes a while at 1 MB).
 */
export const longLine = (size: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...SENTENCES).map(s => s + ' '),
        fc.constantFrom('Putin', 'x', '😀', 'e\u0301', '.', '\u200b', 'موسكو '),
        noisyText(20)
          .map(t => t.replace(/[\r\n\u2028\u2029\u0085]/g, ' '))
          .filter(t => t.length > 0),
      ),
      fc.integer({ min: 1, max: size }),
    )
    .map(([unit, n]) => {
      let s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      // do not end on half a surrogate pair: the cut is ours, not the article's
      if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
      return s;
    });

/**
 * A long article (10-40k code units) of the same few sentences over and over, with noise: many identical quotes
 * far apart, so re-anchoring has to pick the right occurrence, and past the anchor's near-window search.
 */
export const bigArticle: fc.Arbitrary<string> = fc
  .tuple(newsWithNoise, fc.integer({ min: 10_000, max: 40_000 }), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 20 }))
  .map(([seed, size, noise]) => {
    let text = '';
    for (let i = 0; text.length < size; i++) text += (i % 7 === 0 ? `(${i}) ` : '') + seed + (i % 3 === 0 ? '\r\n\r\n' : '\n\n');
    for (const [at, p] of noise) {
      const i = codePointBoundary(text, at % (text.length + 1));
      text = text.slice(0, i) + p + text.slice(i);
    }
    return text;
  });

/** A user lexicon built from words likely to occur (and some odd keys). */
export const lexicon: fc.Arbitrary<Lexicon> = fc.dictionary(
  fc.oneof(fc.constantFrom('Putin', 'Hemeimeem', 'Moscow', 'Nato', 'Tuesday', 'e\u0301', '😀', 'the', '', ' ', 'x'), fc.string({ maxLength: 8 })),
  fc.constantFrom<AnnotationType>('person', 'place', 'organization', 'date'),
  { maxKeys: 5 },
);

/** Reference dates: real days, leap days, far years (0001-0099 included: Date.UTC(1, 0, 1) would be 1901). */
export const referenceDate: fc.Arbitrary<string> = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map(d => d.toISOString().slice(0, 10))
  .filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d));

/** Moves an offset off the middle of a surrogate pair (editors never split one). */
export function codePointBoundary(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff ? i - 1 : i;
}

/** Fractions in [0, 1) used to place spans and edits in whatever text was generated. */
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Spans to annotate, as fractions of the text (mapped onto it with spanIn). */
export const spanFractions = fc.array(
  fc.tuple(fraction, fc.integer({ min: 1, max: 40 }), fc.constantFrom<AnnotationType>('person', 'place', 'organization', 'date')),
  { maxLength: 6 },
);

export function spanIn(text: string, at: number, length: number): Span {
  const start = codePointBoundary(text, Math.floor(at * text.length));
  const end = codePointBoundary(text, Math.min(text.length, start + length));
  return { start, end };
}

/** Edits as fractions, replacement text from the same hazards: mapped onto a text with editsIn. */
export const editFractions = fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 30 }), fc.oneof(fc.constant(''), piece, noisyText(4))), { maxLength: 5 });

/** Non-overlapping editor changes (old-text offsets, on code point boundaries) and the text they give. */
export function editsIn(text: string, edits: readonly [number, number, string][]): { changes: TextChange[]; newText: string } {
  const changes: TextChange[] = [];
  const sorted = edits
    .map(([at, len, t]) => {
      const start = codePointBoundary(text, Math.floor(at * (text.length + 1)));
      return { start, end: codePointBoundary(text, Math.min(text.length, start + len)), text: t };
    })
    .sort((a, b) => a.start - b.start);
  let last = -1;
  for (const c of sorted) {
    // an insertion at the same offset as the previous change's end would be ambiguous for an editor too
    if (c.start < last || (c.start === last && c.start === c.end)) continue;
    changes.push(c);
    last = Math.max(c.end, c.start + 1);
  }
  let newText = '';
  let pos = 0;
  for (const c of changes) {
    newText += text.slice(pos, c.start) + c.text;
    pos = c.end;
  }
  newText += text.slice(pos);
  return { changes, newText };
}
