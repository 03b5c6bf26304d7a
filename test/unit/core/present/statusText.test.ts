import { strict as assert } from 'node:assert';
import { statusText, type ArticleSnapshot } from '../../../../src/core';
import type { Orphan } from '../../../../src/core/sidecar';
import { analyzed, NEWS } from './article';

describe('core/present/statusText', () => {
  const article = analyzed(NEWS, { referenceDate: '2015-11-25' });

  it('counts mentions of each enabled type, in the fixed type order, in words', () => {
    const all = statusText(article, ['date', 'person', 'place', 'organization']);
    assert.equal(all.text, '$(tag) People 2 · Places 1 · Orgs 1 · Dates 2');
    assert.equal(all.accessibilityLabel, 'News Annotator: People 2 · Places 1 · Orgs 1 · Dates 2');
    assert.equal(statusText(article, ['organization', 'date']).text, '$(tag) Orgs 1 · Dates 2');
  });

  it('the tooltip says where the reference date came from, whether highlights are hidden, and the orphans', () => {
    assert.equal(
      statusText(article, ['person']).tooltip,
      'News Annotator: mentions per type in this article\nReference date Wed 25 Nov 2015 (2015-11-25, set by you)\nClick to open the Entities view.',
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
      'News Annotator: mentions per type in this article (highlights hidden)\nReference date Wed 25 Nov 2015 (2015-11-25, detected)\n' +
        '1 orphaned annotation(s): run News Annotator: Show Orphaned Annotations\nClick to open the Entities view.',
    );
    assert.match(statusText({ ...article, referenceDate: null }, ['person']).tooltip, /\nNo reference date\n/);
  });
});
