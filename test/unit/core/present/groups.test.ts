import { strict as assert } from 'node:assert';
import { groups, type Annotation, type ArticleSnapshot } from '../../../../src/core';
import { analyzed, NEWS } from './article';

describe('core/present/groups', () => {
  it('groups entity mentions under the entity, in order of first mention, named canonically', () => {
    const article = analyzed(NEWS + 'Putin and Gazprom again.\n');
    const people = groups(article, 'person');
    assert.deepEqual(
      people.map(g => ({ key: g.key, type: g.type, name: g.name, mentions: g.mentions.map(a => a.text) })),
      [{ key: people[0].key, type: 'person', name: 'Vladimir Putin', mentions: ['Vladimir Putin', 'Putin', 'Putin'] }],
    );
    assert.equal(people[0].key, article.entities.find(e => e.name === 'Vladimir Putin')?.id);
    assert.deepEqual(
      groups(article, 'organization').map(g => [g.name, g.mentions.length]),
      [['Gazprom', 2]],
    );
    assert.deepEqual(
      groups(article, 'place').map(g => g.name),
      ['Moscow'],
    );
  });

  it('groups dates by resolved value (named in words), else by text', () => {
    const date = (id: string, start: number, text: string, value: string | null): Annotation => ({
      id,
      type: 'date',
      start,
      end: start + text.length,
      text,
      source: 'auto',
      value,
    });
    const annotations = [
      date('a1', 0, 'Tuesday', '2015-11-24'),
      date('a2', 10, 'Monday', null),
      date('a3', 20, '24 November 2015', '2015-11-24'),
      date('a4', 40, 'Monday', null),
      date('a5', 50, 'Today', '2015-11-25'),
      date('a6', 60, 'today', '2015-11-25'),
    ];
    const article: ArticleSnapshot = { annotations, entities: [], referenceDate: null, orphans: [] };
    assert.deepEqual(
      groups(article, 'date').map(g => ({ key: g.key, name: g.name, ids: g.mentions.map(a => a.id) })),
      [
        { key: 'value:2015-11-24', name: 'Tue 24 Nov 2015', ids: ['a1', 'a3'] },
        { key: 'text:monday', name: 'Monday', ids: ['a2', 'a4'] },
        { key: 'value:2015-11-25', name: 'Wed 25 Nov 2015', ids: ['a5', 'a6'] },
      ],
    );
    assert.equal(groups(article, 'date', 'de')[0].name, 'Di., 24. Nov. 2015');
  });

  it('a type without mentions has no groups', () => {
    assert.deepEqual(groups(analyzed('Nothing to see here.'), 'person'), []);
  });
});
