import { strict as assert } from 'node:assert';
import { countWords, statusText, typeCountWords, type ArticleSnapshot } from '../../../../src/core';
import type { Orphan } from '../../../../src/core/sidecar';
import { analyzed, NEWS } from './article';

describe('core/present/statusText', () => {
  const article = analyzed(NEWS, { referenceDate: '2015-11-25' });

  it('says what it counts: entities (people, places, organizations), their mentions, and dates', () => {
    const all = statusText(article, ['date', 'person', 'place', 'organization']);
    // Vladimir Putin/Putin, Moscow, Gazprom: 3 entities, 4 mentions; Tuesday, 24 November 2015: 2 dates
    assert.equal(all.text, '$(tag) 3 entities · 4 mentions · 2 dates');
    assert.equal(all.accessibilityLabel, 'News Annotator: 3 entities · 4 mentions · 2 dates');
    assert.equal(statusText(article, ['organization', 'date']).text, '$(tag) 1 entity · 1 mention · 2 dates');
    assert.equal(statusText(article, ['date']).text, '$(tag) 2 dates');
    assert.equal(statusText(article, []).text, '$(tag) no types enabled');
  });

  it('the per-type words are those of the Entities view', () => {
    assert.equal(typeCountWords('person', 1, 2), '1 entity · 2 mentions');
    assert.equal(typeCountWords('place', 3, 1), '3 entities · 1 mention');
    assert.equal(typeCountWords('date', 2, 5), '5 dates');
    assert.equal(countWords(article, ['person']), '1 entity · 2 mentions');
  });

  it('the tooltip says where the reference date came from, whether highlights are hidden, and the orphans', () => {
    assert.equal(
      statusText(article, ['person']).tooltip,
      'News Annotator\nPeople: 1 entity · 2 mentions\nReference date Wed 25 Nov 2015 (2015-11-25, set by you)\nClick to open the Entities view.',
    );
    const orphan: Orphan = {
      id: 'm1',
      type: 'person',
      start: 0,
      end: 5,
      text: 'Putin',
      source: 'manual',
      prefix: '',
      suffix: '',
      orphanedAt: '2026-01-01T00:00:00Z',
    };
    const detected: ArticleSnapshot = { ...article, referenceDate: { value: '2015-11-25', source: 'detected' }, orphans: [orphan] };
    assert.equal(
      statusText(detected, ['person'], false).tooltip,
      'News Annotator (highlights hidden)\nPeople: 1 entity · 2 mentions\nReference date Wed 25 Nov 2015 (2015-11-25, detected)\n' +
        '1 orphaned annotation(s): run News Annotator: Show Orphaned Annotations\nClick to open the Entities view.',
    );
    assert.match(statusText({ ...article, referenceDate: null }, ['person']).tooltip, /\nNo reference date\n/);
  });
});
