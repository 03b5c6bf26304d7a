import { strict as assert } from 'node:assert';
import { findMentions, groupEntities } from '../../../../src/core/entities';
import { tokenize } from '../../../../src/core/entities/tokenize';
import { segment } from '../../../../src/core/segment';
import type { EntityType, Lexicon } from '../../../../src/core/types';

/** The entity part of the pipeline as the analyser runs it: detect per unit, group over the document. */
function run(text: string, lexicon: Lexicon = {}) {
  const mentions = segment(text).flatMap(u => findMentions(u.text).map(m => ({ ...m, start: m.start + u.start, end: m.end + u.start })));
  const grouped = groupEntities(text, mentions, lexicon);
  const found = grouped.mentions.map(m => ({ type: m.type, text: text.slice(m.start, m.end), entity: m.entity }));
  return { ...grouped, found };
}

type Case = [sentence: string, type: EntityType, surface: string];

const has = (text: string, type: EntityType, surface: string) => run(text).found.some(f => f.type === type && f.text === surface);
const hasAny = (text: string, surface: string) => run(text).found.some(f => f.text === surface);

describe('entities: span rules', () => {
  const mustFind: Record<string, Case[]> = {
    'titles and honorifics stay out of the span': [
      ['Defence Minister Sergei Shoigu said the cruiser had moved closer to shore.', 'person', 'Sergei Shoigu'],
      ['Russian President Vladimir Putin called it a stab in the back.', 'person', 'Vladimir Putin'],
      ['The talks were chaired by President Barack Obama in Washington.', 'person', 'Barack Obama'],
      ['Turkey sent Army General Hulusi Akar to Moscow last week.', 'person', 'Hulusi Akar'],
      ['"We will respond," Colonel General Viktor Bondarev told the newspaper.', 'person', 'Viktor Bondarev'],
      ['Vladimir Putin spoke first. Later Mr Putin said the matter was closed.', 'person', 'Putin'],
      ['Mr Shoigu also said that all Russian bombers will be escorted by fighters.', 'person', 'Shoigu'],
      ['Dr. Ayman al-Zawahiri issued a statement.', 'person', 'Ayman al-Zawahiri'],
    ],
    'possessives are dropped': [
      ["Turkey's Dogan news agency reported the crash.", 'place', 'Turkey'],
      ['Vladimir Putin spoke. Putin’s spokesman later denied it.', 'person', 'Putin'],
      ['The plan was backed by Russia’s foreign ministry.', 'place', 'Russia'],
    ],
    'surrounding punctuation and quotes are dropped': [
      ['Russian Foreign Minister Sergey Lavrov, speaking in Moscow, said so.', 'person', 'Sergey Lavrov'],
      ['The jet was shot down near the border with Turkey.', 'place', 'Turkey'],
      ['Officials said ("Moscow") would respond.', 'place', 'Moscow'],
      ['the only Russian base in the Mediterranean.Things have come to a head.', 'place', 'Mediterranean'],
    ],
    'hyphenated and multi-word names are whole': [
      ['Syrian President Bashar al-Assad met his generals.', 'person', 'Bashar al-Assad'],
      ['Members of the Organisation of Islamic Co-operation met in Istanbul.', 'organization', 'Organisation of Islamic Co-operation'],
      ['At least 30 died, the Syrian Observatory for Human Rights said.', 'organization', 'Syrian Observatory for Human Rights'],
      ['The ship sailed across the Black Sea to Latakia.', 'place', 'Black Sea'],
    ],
    'a legal form makes a company name, suffix included': [
      ['Italian tyre maker Pirelli SpA said on Friday its profit rose.', 'organization', 'Pirelli SpA'],
      ['Shares of Jones Medical Industries Inc rose.', 'organization', 'Jones Medical Industries Inc'],
    ],
    'organizations that look like places': [
      ['Russian jets struck Islamic State targets in Syria.', 'organization', 'Islamic State'],
      ['Nato member Turkey shot down the plane.', 'organization', 'Nato'],
      ['The Kremlin said the pilots were killed.', 'organization', 'Kremlin'],
    ],
    "a given name opens a person's name, whatever the tagger read": [['Jair Bolsonaro supporters stormed the buildings.', 'person', 'Jair Bolsonaro']],
    'particles inside a name stay inside it': [
      ['Abdul Rahman al-Tamimi spoke.', 'person', 'Abdul Rahman al-Tamimi'],
      ['Crown Prince Mohammed bin Zayed met him in Abu Dhabi.', 'person', 'Mohammed bin Zayed'],
    ],
    'the two names of a result line are teams': [
      ['Sale 31 Wasps 33', 'organization', 'Sale'],
      ['San Diego 3 NEW YORK 2', 'organization', 'NEW YORK'],
    ],
  };
  for (const [rule, cases] of Object.entries(mustFind)) {
    describe(rule, () => {
      for (const [sentence, type, surface] of cases) {
        it(`finds ${type} "${surface}" in: ${sentence}`, () => {
          const { found } = run(sentence);
          assert.ok(
            found.some(f => f.type === type && f.text === surface),
            `got ${JSON.stringify(found.map(f => `${f.type}:${f.text}`))}`,
          );
        });
      }
    });
  }

  describe('page navigation names no one', () => {
    for (const line of [
      '1. Skip to content',
      'Skip to main menu',
      'Share on Facebook Share on Twitter',
      'Home News World Europe Ukraine',
      'Accept all cookies',
    ]) {
      it(`finds nothing in: ${line}`, () => assert.deepEqual(run(line).found, []));
    }
    it('still reads a sentence that starts like navigation', () => assert.ok(has('Subscribe to Reuters, said Tim Cook on Monday.', 'person', 'Tim Cook')));
  });

  const mustNotFind: Record<string, Case[]> = {
    'no title in a span': [
      ['Defence Minister Sergei Shoigu said the cruiser had moved closer to shore.', 'person', 'Minister Sergei Shoigu'],
      ['Vladimir Putin spoke first. Later Mr Putin said the matter was closed.', 'person', 'Mr Putin'],
      ['The talks were chaired by President Barack Obama in Washington.', 'person', 'President Barack Obama'],
      ['"We will respond," Colonel General Viktor Bondarev told the newspaper.', 'organization', 'Colonel General Viktor Bondarev'],
    ],
    'no possessive or punctuation in a span': [
      ["Turkey's Dogan news agency reported the crash.", 'place', "Turkey's"],
      ['The jet was shot down near the border with Turkey.', 'place', 'Turkey.'],
      ['Russian Foreign Minister Sergey Lavrov, speaking in Moscow, said so.', 'person', 'Sergey Lavrov,'],
    ],
    'Islamic State is not a place': [['Russian jets struck Islamic State targets in Syria.', 'place', 'Islamic State']],
    'sentence-initial and headline words are not names': [
      ['If Russia shot down a Turkish plane, Nato would be required to intervene.', 'place', 'If Russia'],
      ['Fences Mended: Russia Interested in Placing Missile System in Turkey', 'place', 'Russia Interested'],
      ['“Our pilots never threatened Turkey in any way,” Putin said.', 'place', 'Our'],
    ],
    'names of events, treaties and plans are no mention (CoNLL: MISC)': [
      ['Nearly 200 countries signed the Paris Agreement in 2016.', 'organization', 'Paris Agreement'],
      ['Nearly 200 countries signed the Paris Agreement in 2016.', 'place', 'Paris'],
      ['Organisers said the Paris Olympics would cost less than planned.', 'place', 'Paris'],
      ['The Marshall Plan helped rebuild Germany after the war.', 'person', 'Marshall Plan'],
    ],
    'an organization goes without a leading "The"': [
      ['The Commerce Department said orders for manufactured goods climbed.', 'organization', 'The Commerce Department'],
    ],
    'an honorific never makes an organization': [
      ['Mr Shoigu also said that all Russian bombers will be escorted by fighters.', 'organization', 'Mr Shoigu'],
      ['Mr Shoigu also said that all Russian bombers will be escorted by fighters.', 'organization', 'Shoigu'],
    ],
  };
  for (const [rule, cases] of Object.entries(mustNotFind)) {
    describe(rule, () => {
      for (const [sentence, type, surface] of cases) {
        it(`does not tag ${type} "${surface}" in: ${sentence}`, () => {
          assert.equal(has(sentence, type, surface), false);
        });
      }
    });
  }

  it('never tags a lone title or quote', () => {
    for (const s of ['Mr said nothing.', 'President.', '" " ( )']) {
      for (const surface of ['Mr', 'President', '"', '(']) assert.equal(hasAny(s, surface), false, `${surface} in ${s}`);
    }
  });
});

describe('entities: grouping', () => {
  it('groups full name, surname and titled surname under the longest full form', () => {
    const r = run('Russian President Vladimir Putin said on Tuesday that it was a stab in the back. Mr Putin added that Putin’s patience was over.');
    const putin = r.entities.filter(e => e.type === 'person' && e.aliases.includes('Putin'));
    assert.equal(putin.length, 1);
    assert.equal(putin[0].name, 'Vladimir Putin');
    assert.deepEqual(putin[0].aliases, ['Putin', 'Vladimir Putin']);
    assert.equal(r.found.filter(f => f.entity === putin[0].id).length, 3);
  });

  it('links a surname to a name with an Arabic article ("Assad" -> "Bashar al-Assad")', () => {
    const r = run('Syrian President Bashar al-Assad met his generals. Assad said the war would go on.');
    const e = r.entities.find(x => x.name === 'Bashar al-Assad');
    assert.ok(e);
    assert.deepEqual(e.aliases, ['Assad', 'Bashar al-Assad']);
  });

  it('links an acronym to the expansion the text defines, and its later uses', () => {
    const r = run('The Islamic State (IS) group claimed the attack.\nIS fighters also hold Raqqa.');
    const e = r.entities.find(x => x.name === 'Islamic State');
    assert.ok(e);
    assert.equal(e.type, 'organization');
    assert.deepEqual(e.aliases, ['IS', 'Islamic State']);
    assert.equal(r.found.filter(f => f.entity === e.id && f.text === 'IS').length, 2);
  });

  it('groups the last word of an organization with it ("Sabah" -> "Daily Sabah")', () => {
    const r = run('The Turkish pro-government publication Daily Sabah claims officials met.\nSabah cites the Russian outlet Interfax.');
    const e = r.entities.find(x => x.name === 'Daily Sabah');
    assert.ok(e);
    assert.equal(e.type, 'organization');
    assert.deepEqual(e.aliases, ['Daily Sabah', 'Sabah']);
  });

  it('groups a company with its name without the legal form', () => {
    const r = run('Italian tyre maker Pirelli SpA said on Friday its profit rose.\nPirelli said the outlook was good.');
    const e = r.entities.find(x => x.name === 'Pirelli SpA');
    assert.ok(e);
    assert.equal(e.type, 'organization');
    assert.deepEqual(e.aliases, ['Pirelli', 'Pirelli SpA']);
  });

  it('does not read a bracketed country after a name as its acronym', () => {
    const r = run('1. Felicia Ballanger ( France ) 34.829\n2. Magali Faure ( France ) 35.888\nMarion Clignet (France) beat Jane Smith (Britain).');
    assert.ok(r.found.filter(f => f.text === 'France').every(f => f.type === 'place'));
    assert.ok(r.entities.every(e => !(e.type === 'person' && e.aliases.includes('France'))));
  });

  it('keeps two people who share nothing apart, with ids in order of first mention', () => {
    const r = run('Barack Obama met Angela Merkel at the White House. Merkel praised Obama.');
    const names = r.entities.map(e => [e.id, e.name]);
    assert.deepEqual(names, [
      ['e1', 'Barack Obama'],
      ['e2', 'Angela Merkel'],
      ['e3', 'White House'],
    ]);
    assert.deepEqual(
      r.found.map(f => f.entity),
      ['e1', 'e2', 'e3', 'e2', 'e1'],
    );
  });

  it('uses one spelling for names written with a no-break space', () => {
    const r = run('Sergey\u00a0Lavrov arrived. Sergey Lavrov spoke. Lavrov left.');
    const e = r.entities.filter(x => x.type === 'person');
    assert.equal(e.length, 1);
    assert.equal(e[0].name, 'Sergey Lavrov');
  });
});

describe('entities: document-level consistency', () => {
  it('gives the same surface string one type throughout the article', () => {
    const text = [
      'Moscow said on Monday it would respond.',
      'Officials in Moscow confirmed the talks.',
      'Moscow is the capital of Russia.',
      'MOSCOW 1996-08-22',
    ].join('\n');
    const r = run(text);
    const types = new Set(r.found.filter(f => f.text === 'Moscow').map(f => f.type));
    assert.equal(types.size, 1);
  });

  it('retypes the minority to the majority type, and a tie to the more confident vote', () => {
    const text = 'Jordan said. Jordan won. Jordan left. Sochi met Sochi.';
    const m = (start: number, type: 'person' | 'place', confidence?: number) => ({ start, end: start + (text[start] === 'J' ? 6 : 5), type, confidence });
    const r = groupEntities(text, [m(0, 'place'), m(13, 'person'), m(25, 'place'), m(38, 'person', 0.5), m(48, 'place', 3)], {});
    assert.deepEqual(
      r.mentions.map(x => [text.slice(x.start, x.end), x.type]),
      [
        ['Jordan', 'place'],
        ['Jordan', 'place'],
        ['Jordan', 'place'],
        ['Sochi', 'place'],
        ['Sochi', 'place'],
      ],
    );
    assert.equal(new Set(r.mentions.slice(0, 3).map(x => x.entity)).size, 1);
  });

  it('keeps the type of a mention whose own context is clear, against the majority (a venue on a page of teams)', () => {
    const text = 'Seattle 4 Houston 2\nSeattle 5 Texas 1\nHouston 3 Seattle 0';
    const m = (start: number, end: number, type: 'place' | 'organization', confidence: number) => ({ start, end, type, confidence });
    // the same word read as a place twice: unsure (margin 4) it follows the majority, sure (margin 20) it stays
    const sure = groupEntities(text, [m(0, 7, 'organization', 15), m(20, 27, 'organization', 15), m(48, 55, 'place', 20)], {});
    assert.deepEqual(
      sure.mentions.map(x => x.type),
      ['organization', 'organization', 'place'],
    );
    const unsure = groupEntities(text, [m(0, 7, 'organization', 15), m(20, 27, 'organization', 15), m(48, 55, 'place', 4)], {});
    assert.deepEqual(
      unsure.mentions.map(x => x.type),
      ['organization', 'organization', 'organization'],
    );
  });

  it('adds later occurrences of a name the detector found elsewhere', () => {
    const mentions = [{ start: 0, end: 9, type: 'organization' as const }];
    const text = 'Gazpromco signed the deal. Analysts said Gazpromco would profit.';
    const r = groupEntities(text, mentions, {});
    assert.deepEqual(
      r.mentions.map(m => text.slice(m.start, m.end)),
      ['Gazpromco', 'Gazpromco'],
    );
    assert.equal(new Set(r.mentions.map(m => m.entity)).size, 1);
  });

  it('does not add an occurrence that is part of a longer capitalised name', () => {
    const mentions = [{ start: 0, end: 4, type: 'place' as const }];
    const text = 'U.S. officials were at the U.S. Open.';
    const r = groupEntities(text, mentions, {});
    assert.equal(r.mentions.length, 1);
  });
});

describe('entities: user lexicon', () => {
  it('adds names the model does not know', () => {
    const r = run('Officials at Hemeimeem said Interfax had reported the strike.', { Hemeimeem: 'place', Interfax: 'organization' });
    assert.ok(r.found.some(f => f.type === 'place' && f.text === 'Hemeimeem'));
    assert.ok(r.found.some(f => f.type === 'organization' && f.text === 'Interfax'));
  });

  it('wins over the model on type and span', () => {
    const text = 'Putin met reporters in Sochi. Sochi Holdings later said the talks went well.';
    const r = run(text, { Sochi: 'organization', 'Sochi Holdings': 'organization' });
    assert.ok(r.found.filter(f => f.text.startsWith('Sochi')).every(f => f.type === 'organization'));
    assert.ok(r.found.some(f => f.text === 'Sochi Holdings'));
  });

  it('matches names that start in lower case, and prefers the longest name', () => {
    const text = 'Fighters of al-Nusra met reporters of the New York Times in New York.';
    const r = run(text, { 'al-Nusra': 'organization', 'New York Times': 'organization', 'New York': 'place' });
    assert.ok(r.found.some(f => f.type === 'organization' && f.text === 'al-Nusra'));
    assert.ok(r.found.some(f => f.type === 'organization' && f.text === 'New York Times'));
    assert.ok(r.found.some(f => f.type === 'place' && f.text === 'New York'));
    assert.ok(!r.found.some(f => f.text === 'New York' && f.type !== 'place'));
  });

  it('works the same with a large lexicon', () => {
    const lexicon: Record<string, 'place' | 'organization'> = { Hemeimeem: 'place' };
    for (let i = 0; i < 3000; i++) lexicon[`Placename${i}`] = 'place';
    const r = run('Jets flew from Hemeimeem and Placename2999 but not from Placename30000.', lexicon);
    assert.deepEqual(
      r.found.filter(f => f.type === 'place').map(f => f.text),
      ['Hemeimeem', 'Placename2999'],
    );
  });

  it('ignores date entries and blank names', () => {
    const text = 'Putin met reporters in Sochi.';
    const r = run(text, { Sochi: 'date', '': 'place', ' ': 'person' });
    assert.ok(r.found.some(f => f.type === 'place' && f.text === 'Sochi'));
    assert.ok(r.found.every(f => f.text.trim() !== ''));
  });
});

describe('entities: robustness', () => {
  const inputs = [
    '',
    ' ',
    '...',
    '"“”',
    '\u0301',
    '👍🏽 Putin 👍',
    '\ud83d',
    'שלום Moscow مرحبا',
    'Bogota\u0301 is far',
    'A '.repeat(2000),
    'Ab'.repeat(2000),
    "Putin's 's ’s '",
    '(IS) (Nato) ()',
    '\r\n\u034fVladimir Putin',
    '\u0301Moscow',
  ];
  for (const input of inputs) {
    it(`survives ${JSON.stringify(input.slice(0, 20))} with spans inside the text on whole code points`, () => {
      const mentions = findMentions(input);
      for (const m of mentions) {
        assert.ok(m.start >= 0 && m.end <= input.length && m.start < m.end);
        assert.ok(!/^[\udc00-\udfff]/.test(input.slice(m.start)), 'span starts inside a surrogate pair');
        assert.ok(!/[\ud800-\udbff]$/.test(input.slice(m.start, m.end)), 'span ends inside a surrogate pair');
      }
      const g = groupEntities(input, mentions, {});
      assert.equal(g.mentions.length >= mentions.length, true);
    });
  }

  it('never starts a name on a combining mark that belongs to what precedes it', () => {
    for (const text of ['\u034fVladimir Putin met Erdogan.', ' \u0301Moscow said so.']) {
      for (const m of findMentions(text)) assert.ok(!/^\p{M}/u.test(text.slice(m.start)), JSON.stringify(text.slice(m.start, m.end)));
    }
  });

  it('is a pure function of the unit text', () => {
    const s = 'Vladimir Putin met Recep Tayyip Erdogan in Sochi.';
    assert.deepEqual(findMentions(s), findMentions(s));
  });

  it('tokenizes like CoNLL: possessive apart, initials and hyphenated words whole', () => {
    assert.deepEqual(
      tokenize("Putin's U.S. al-Assad O'Neill 1,000.5 (IS)").map(t => t.text),
      ['Putin', "'s", 'U.S.', 'al-Assad', "O'Neill", '1,000.5', '(', 'IS', ')'],
    );
  });
});
