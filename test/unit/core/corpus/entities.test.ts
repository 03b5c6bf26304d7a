// Corpus entities: linking across articles, ids, counts, first mentions, incremental updates.
import { strict as assert } from 'node:assert';
import { Corpus } from '../../../../src/core';
import { analyzed, handmade } from './helpers';

const names = (c: Corpus) => c.entities().map(e => `${e.type}:${e.name}`);

describe('corpus entities', () => {
  it('joins the same type and name across articles, and a surname to the one full name that has it', () => {
    const c = new Corpus();
    c.setArticle(
      handmade(
        'a.txt',
        'Vladimir Putin spoke. Putin left.',
        [{ text: 'Vladimir Putin' }, { text: 'Putin', entity: 'Vladimir Putin' }].map(m => ({ ...m, type: 'person' as const })),
      ),
    );
    c.setArticle(
      handmade('b.txt', 'Putin met Erdogan.', [
        { text: 'Putin', type: 'person' },
        { text: 'Erdogan', type: 'person' },
      ]),
    );
    c.setArticle(handmade('c.txt', 'Vladimir Putin again.', [{ text: 'Vladimir Putin', type: 'person' }]));
    const putin = c.entity('person:vladimir putin')!;
    assert.ok(putin, names(c).join(', '));
    assert.equal(putin.name, 'Vladimir Putin');
    assert.deepEqual(putin.aliases, ['Putin', 'Vladimir Putin']);
    assert.deepEqual(
      putin.articles.map(a => [a.path, a.mentions]),
      [
        ['a.txt', 2],
        ['b.txt', 1],
        ['c.txt', 1],
      ],
    );
    assert.equal(putin.mentions, 4);
    assert.equal(c.entityOf('b.txt', 'e1'), putin);
    assert.equal(c.entityAt('b.txt', 2)?.id, 'person:vladimir putin');
    assert.equal(c.entityAt('b.txt', 5)?.id, 'person:vladimir putin', 'an offset at the end of a mention counts');
    assert.equal(c.entityAt('b.txt', 6), undefined);
    assert.deepEqual(names(c), ['person:Erdogan', 'person:Vladimir Putin']);
  });

  it('reads as a plain entity: JSON with every field in order, the same lists on every read, as it was when kept', () => {
    const c = new Corpus();
    c.setArticle(
      handmade(
        'b.txt',
        'Putin met Erdogan.',
        [
          { text: 'Putin', type: 'person' },
          { text: 'Erdogan', type: 'person' },
        ],
        '2024-02-01',
      ),
    );
    c.setArticle(
      handmade(
        'a.txt',
        'Vladimir Putin spoke. Putin left.',
        [
          { text: 'Vladimir Putin', type: 'person' },
          { text: 'Putin', type: 'person', entity: 'Vladimir Putin' },
        ],
        '2024-03-01',
      ),
    );
    const putin = c.entity('person:vladimir putin')!;
    const plain = {
      id: 'person:vladimir putin',
      type: 'person',
      name: 'Vladimir Putin',
      aliases: ['Putin', 'Vladimir Putin'],
      articles: [
        { path: 'a.txt', entities: ['e1'], mentions: 2 },
        { path: 'b.txt', entities: ['e1'], mentions: 1 },
      ],
      mentions: 3,
      // the earliest reference date first, whatever the path
      firstMention: { path: 'b.txt', start: 0, end: 5, text: 'Putin', annotation: 'a1' },
    };
    assert.equal(JSON.stringify(putin), JSON.stringify(plain));
    assert.equal(putin.articles, putin.articles, 'made once');
    assert.equal(putin.aliases, putin.aliases, 'made once');
    // a caller keeping the entity keeps the corpus as it was when it got it
    c.removeArticle('b.txt');
    assert.equal(JSON.stringify(putin), JSON.stringify(plain));
    assert.deepEqual(
      c.entity('person:vladimir putin')?.articles.map(a => a.path),
      ['a.txt'],
    );
  });

  it('leaves a surname apart when two corpus persons have it', () => {
    const c = new Corpus();
    c.setArticle(handmade('a.txt', 'Bashar al-Assad', [{ text: 'Bashar al-Assad', type: 'person' }]));
    c.setArticle(handmade('b.txt', 'Hafez al-Assad', [{ text: 'Hafez al-Assad', type: 'person' }]));
    c.setArticle(handmade('c.txt', 'Assad said', [{ text: 'Assad', type: 'person' }]));
    assert.deepEqual(names(c), ['person:Assad', 'person:Bashar al-Assad', 'person:Hafez al-Assad']);
    c.removeArticle('b.txt');
    assert.deepEqual(names(c), ['person:Bashar al-Assad'], 'unambiguous again: "Assad" joins');
  });

  it('joins an acronym only when its initials match one name', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'the United States and the North Atlantic Treaty Organization', [
        { text: 'United States', type: 'place' },
        { text: 'North Atlantic Treaty Organization', type: 'organization' },
      ]),
    );
    c.setArticle(
      handmade('b.txt', 'U.S. and NATO and UN', [
        { text: 'U.S.', type: 'place' },
        { text: 'NATO', type: 'organization' },
        { text: 'UN', type: 'organization' },
      ]),
    );
    assert.deepEqual(c.entity('place:united states')?.aliases, ['U.S.', 'United States']);
    assert.deepEqual(c.entity('organization:north atlantic treaty organization')?.aliases, ['NATO', 'North Atlantic Treaty Organization']);
    assert.ok(c.entity('organization:un'), 'no name with the initials UN: apart');
  });

  it('joins a name another article uses as an alias', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'Islamic State (IS) fighters. IS said', [
        { text: 'Islamic State', type: 'organization' },
        { text: 'IS', type: 'organization', entity: 'Islamic State' },
        { text: 'IS', type: 'organization', entity: 'Islamic State' },
      ]),
    );
    c.setArticle(handmade('b.txt', 'IS claimed it', [{ text: 'IS', type: 'organization' }]));
    assert.deepEqual(names(c), ['organization:Islamic State']);
    assert.equal(c.entity('organization:islamic state')!.mentions, 4);
  });

  it('compares names with spaces collapsed (no-break spaces too) and case folded; keeps types apart', () => {
    const c = new Corpus();
    c.setArticle(handmade('a.txt', 'Vladimir\u00a0Putin', [{ text: 'Vladimir\u00a0Putin', type: 'person' }]));
    c.setArticle(handmade('b.txt', 'VLADIMIR PUTIN', [{ text: 'VLADIMIR PUTIN', type: 'person' }]));
    c.setArticle(handmade('c.txt', 'Vladimir Putin', [{ text: 'Vladimir Putin', type: 'person' }]));
    c.setArticle(handmade('d.txt', 'Jordan', [{ text: 'Jordan', type: 'place' }]));
    c.setArticle(handmade('e.txt', 'Jordan', [{ text: 'Jordan', type: 'person' }]));
    const putin = c.entity('person:vladimir putin')!;
    assert.equal(putin.articles.length, 3);
    assert.equal(putin.name, 'Vladimir Putin', 'the spelling most articles use (the no-break space one counts as it)');
    assert.deepEqual(putin.aliases, ['VLADIMIR PUTIN', 'Vladimir Putin']);
    assert.ok(c.entity('place:jordan') && c.entity('person:jordan'));
  });

  it('keeps ids when an unrelated article is added, replaced or removed', () => {
    const c = new Corpus();
    c.setArticle(
      handmade('a.txt', 'Vladimir Putin and Recep Tayyip Erdogan', [
        { text: 'Vladimir Putin', type: 'person' },
        { text: 'Recep Tayyip Erdogan', type: 'person' },
      ]),
    );
    const before = c.entities().map(e => e.id);
    c.setArticle(handmade('b.txt', 'Angela Merkel', [{ text: 'Angela Merkel', type: 'person' }]));
    c.setArticle(
      handmade('b.txt', 'Angela Merkel and Paris', [
        { text: 'Angela Merkel', type: 'person' },
        { text: 'Paris', type: 'place' },
      ]),
    );
    c.removeArticle('b.txt');
    assert.deepEqual(
      c.entities().map(e => e.id),
      before,
    );
  });

  it('first mention: earliest reference date, articles without one last, then path, then offset', () => {
    const c = new Corpus();
    c.setArticle(handmade('z.txt', 'Putin', [{ text: 'Putin', type: 'person' }], '2015-11-01'));
    c.setArticle(handmade('a.txt', 'x Putin', [{ text: 'Putin', type: 'person' }], null));
    c.setArticle(
      handmade(
        'm.txt',
        'Putin Putin',
        [
          { text: 'Putin', type: 'person' },
          { text: 'Putin', type: 'person' },
        ],
        '2015-11-01',
      ),
    );
    const first = c.entity('person:putin')!.firstMention;
    assert.deepEqual([first.path, first.start], ['m.txt', 0]);
    c.setArticle(handmade('b.txt', 'so Putin', [{ text: 'Putin', type: 'person' }], '2015-10-31'));
    assert.deepEqual([c.entity('person:putin')!.firstMention.path, c.entity('person:putin')!.firstMention.start], ['b.txt', 3]);
  });

  it('lists what could not be indexed, and forgets it once the article is indexed or removed', () => {
    const c = new Corpus();
    c.setUnindexed('b.txt', 'not UTF-8 text');
    c.setUnindexed('a.txt', 'too large');
    assert.deepEqual(c.unindexed(), [
      { path: 'a.txt', reason: 'too large' },
      { path: 'b.txt', reason: 'not UTF-8 text' },
    ]);
    c.setArticle(handmade('a.txt', 'Paris', [{ text: 'Paris', type: 'place' }]));
    assert.deepEqual(c.unindexed(), [{ path: 'b.txt', reason: 'not UTF-8 text' }]);
    assert.equal(c.removeArticle('b.txt'), true);
    assert.deepEqual(c.unindexed(), []);
    assert.equal(c.removeArticle('b.txt'), false);
    const v = c.version;
    c.setUnindexed('a.txt', 'deleted while reading');
    assert.ok(c.version > v);
    assert.equal(c.article('a.txt'), undefined);
    assert.deepEqual(c.entities(), []);
  });

  it('does not depend on the order articles were indexed in', () => {
    const texts = [
      ['a.txt', 'Vladimir Putin met Recep Tayyip Erdogan in Moscow. Putin smiled.'],
      ['b.txt', 'Erdogan flew to Ankara. Turkey and Russia argued. Putin did not call.'],
      ['c.txt', 'Sergey Lavrov said Russia would respond. Lavrov was in Moscow.'],
    ] as const;
    const one = new Corpus();
    for (const [p, t] of texts) one.setArticle(analyzed(p, t));
    const two = new Corpus();
    for (const [p, t] of [...texts].reverse()) two.setArticle(analyzed(p, t));
    assert.deepEqual(two.entities(), one.entities());
    assert.ok(one.entity('person:vladimir putin')!.articles.length === 2, JSON.stringify(names(one)));
  });
});

describe('corpus entities, updated in place', () => {
  const putinTimes = (path: string, n: number, date: string | null = null) =>
    handmade(
      path,
      Array.from({ length: n }, () => 'Putin said.').join(' ') + ' Vladimir Putin.',
      [
        ...Array.from({ length: n }, () => ({ text: 'Putin', type: 'person' as const, entity: 'Vladimir Putin' })),
        { text: 'Vladimir Putin', type: 'person' as const },
      ],
      date,
    );

  it('an article replaced by one of the same names (only counts change) gives what a fresh corpus gives', () => {
    const c = new Corpus();
    c.setArticle(putinTimes('a.txt', 1, '2015-11-02'));
    c.setArticle(putinTimes('b.txt', 2, '2015-11-03'));
    c.setArticle(
      handmade('c.txt', 'Moscow and Putin', [
        { text: 'Moscow', type: 'place' },
        { text: 'Putin', type: 'person' },
      ]),
    );
    const first = c.entity('person:vladimir putin')!;
    assert.equal(first.mentions, 6);
    for (const [n, date] of [
      [5, '2015-11-02'],
      [1, '2015-11-04'],
      [3, null],
    ] as const) {
      c.setArticle(putinTimes('a.txt', n, date));
      const fresh = new Corpus();
      for (const a of c.articles()) fresh.setArticle(a);
      assert.deepEqual(c.entities(), fresh.entities(), `${n} ${date}`);
      assert.equal(c.entityOf('a.txt', 'e1'), c.entity('person:vladimir putin'));
    }
    assert.equal(c.entity('person:vladimir putin')!.mentions, 4 + 3 + 1);
    assert.equal(c.entity('person:vladimir putin')!.firstMention.path, 'b.txt');
  });
});
