import { strict as assert } from 'node:assert';
import { annotationAt, entityOf, lineOf, sameAs, sentenceAround, type Annotation, type ArticleSnapshot } from '../../../../src/core';
import { analyzed, NEWS, only } from './article';

const date = (id: string, start: number, text: string, value: string | null): Annotation => ({
  id,
  type: 'date',
  start,
  end: start + text.length,
  text,
  source: 'auto',
  value,
});

describe('core/present/query', () => {
  describe('annotationAt', () => {
    // "Vladimir Putin" at 0-14, "Moscow" at 32-38
    const article = analyzed(NEWS);

    it('finds the span from its first character to just after its last', () => {
      assert.equal(annotationAt(article, 0)?.text, 'Vladimir Putin');
      assert.equal(annotationAt(article, 13)?.text, 'Vladimir Putin');
      assert.equal(annotationAt(article, 14)?.text, 'Vladimir Putin', 'the cursor just after the name');
      assert.equal(annotationAt(article, 15), undefined);
      assert.equal(annotationAt(article, 31), undefined);
      assert.equal(annotationAt(article, 32)?.text, 'Moscow');
    });

    it('prefers the span that contains the offset over one that ends there', () => {
      const a = date('a1', 0, 'May', null);
      const b = date('a2', 3, '2015', null);
      const adjacent: ArticleSnapshot = { annotations: [a, b], entities: [], referenceDate: null, orphans: [] };
      assert.equal(annotationAt(adjacent, 3), b);
      assert.equal(annotationAt(adjacent, 7), b);
      assert.equal(annotationAt(adjacent, 8), undefined);
    });

    it('finds nothing in an empty article', () => {
      assert.equal(annotationAt({ annotations: [], entities: [], referenceDate: null, orphans: [] }, 0), undefined);
    });
  });

  describe('sameAs and entityOf', () => {
    it('gives the mentions of the same entity in article order, and the entity', () => {
      const article = analyzed(NEWS);
      const putin = only(article, 'Putin');
      assert.deepEqual(
        sameAs(article, putin).map(a => a.text),
        ['Vladimir Putin', 'Putin'],
      );
      assert.equal(entityOf(article, putin)?.name, 'Vladimir Putin');
      assert.deepEqual(
        sameAs(article, only(article, 'Moscow')).map(a => a.text),
        ['Moscow'],
      );
    });

    it('groups dates by resolved value, else unresolved ones by text', () => {
      const annotations = [
        date('a1', 0, 'Tuesday', '2015-11-24'),
        date('a2', 10, 'Monday', null),
        date('a3', 20, '24 November 2015', '2015-11-24'),
        date('a4', 40, 'Monday', null),
        date('a5', 50, 'Tuesday', null),
      ];
      const article: ArticleSnapshot = { annotations, entities: [], referenceDate: null, orphans: [] };
      assert.deepEqual(
        sameAs(article, annotations[0]).map(a => a.id),
        ['a1', 'a3'],
      );
      assert.deepEqual(
        sameAs(article, annotations[1]).map(a => a.id),
        ['a2', 'a4'],
      );
      assert.deepEqual(
        sameAs(article, annotations[4]).map(a => a.id),
        ['a5'],
        'an unresolved Tuesday is not the resolved one',
      );
      assert.equal(entityOf(article, annotations[0]), undefined);
    });

    it('a mention without an entity is only the same as itself', () => {
      const a: Annotation = { id: 'm1', type: 'place', start: 0, end: 4, text: 'Kyiv', source: 'manual' };
      const b: Annotation = { ...a, id: 'm2', start: 10, end: 14 };
      assert.deepEqual(sameAs({ annotations: [a, b], entities: [], referenceDate: null, orphans: [] }, a), [a]);
    });
  });

  describe('sentenceAround', () => {
    it('is the sentence containing the span, on one line', () => {
      const text = 'First one. So Putin\tspoke  in\u00a0Moscow! Then "he left." Next line\nother';
      assert.equal(sentenceAround(text, text.indexOf('Moscow'), text.indexOf('Moscow') + 6), 'So Putin spoke in Moscow!');
      assert.equal(sentenceAround(text, 0, 5), 'First one.');
      assert.equal(sentenceAround(text, text.indexOf('left'), text.indexOf('left') + 4), 'Then "he left."');
      assert.equal(sentenceAround(text, text.indexOf('Next'), text.indexOf('Next') + 4), 'Next line', 'a line end ends it');
      assert.equal(sentenceAround(text, text.length - 2, text.length), 'other', 'the text end ends it');
    });

    it('is at most max characters, ending in an ellipsis, and never splits a surrogate pair', () => {
      const text = 'a'.repeat(1000);
      const s = sentenceAround(text, 500, 501);
      assert.equal(s.length, 300);
      assert.ok(s.endsWith('…'));
      assert.equal(sentenceAround(text, 0, 1, 10), 'aaaaaaaaa…');
      const emoji = '😀'.repeat(10); // a cut after 9 code units would leave half of the fifth emoji
      assert.equal(sentenceAround(emoji, 0, 2, 10), '😀'.repeat(4) + '…');
    });
  });

  describe('lineOf', () => {
    it('counts \\n, \\r\\n and a lone \\r as one line end each', () => {
      const text = 'a\nb\r\nc\rd';
      assert.deepEqual(
        [0, 1, 2, 3, 4, 5, 6, 7, 8].map(o => lineOf(text, o)),
        [0, 0, 1, 1, 1, 2, 2, 3, 3],
      );
      assert.equal(lineOf(text, 100), 3, 'past the end: the last line');
      assert.equal(lineOf('', 0), 0);
    });
  });
});
