// Every expectation of the hand-made acceptance file for the sample articles (test/fixtures/seeds-gold.json,
// a copy of shared/acceptance/seeds-gold.json) must hold for the real analysis.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../src/core/analyze';
import type { AnalysisResult, AnnotationType } from '../../src/core/types';

interface GoldDoc {
  file: string;
  referenceDate: string | null;
  detectedReferenceDate?: string;
  entities: { type: AnnotationType; name: string; mentions: string[] }[];
  dates: { text: string; value: string }[];
  notEntities: { text: string; type: AnnotationType }[];
}

const root = path.resolve(__dirname, '../..');
const gold: { documents: GoldDoc[] } = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/seeds-gold.json'), 'utf8'));
const analyzer = new Analyzer();

describe('seeds-gold acceptance', () => {
  for (const doc of gold.documents) {
    describe(doc.file, () => {
      const text = fs.readFileSync(path.join(root, 'seeds', doc.file), 'utf8');
      let result: AnalysisResult;
      before(() => {
        result = analyzer.analyze(text, { referenceDate: doc.referenceDate });
      });
      // The gold file writes plain spaces where the articles have no-break spaces ("September\u00a02014").
      const surfaceOf = (a: { start: number; end: number }) => text.slice(a.start, a.end).replace(/\s+/gu, ' ');

      if (doc.detectedReferenceDate) {
        it(`detects the reference date ${doc.detectedReferenceDate}`, () => {
          assert.deepEqual(result.referenceDate, { value: doc.detectedReferenceDate, source: 'detected' });
        });
      }
      for (const e of doc.entities) {
        for (const mention of e.mentions) {
          it(`${e.type} "${mention}" grouped under "${e.name}"`, () => {
            const hits = result.annotations.filter(a => a.type === e.type && surfaceOf(a) === mention);
            assert.ok(
              hits.length > 0,
              `"${mention}" is not annotated as ${e.type}; found: ${JSON.stringify(
                result.annotations.filter(a => surfaceOf(a).includes(mention)).map(a => [a.type, surfaceOf(a)]),
              )}`,
            );
            const names = hits.map(a => result.entities.find(x => x.id === a.entity)?.name);
            assert.ok(names.includes(e.name), `"${mention}" belongs to ${JSON.stringify(names)}, not "${e.name}"`);
          });
        }
      }
      for (const d of doc.dates) {
        it(`date "${d.text}" = ${d.value}`, () => {
          const hits = result.annotations.filter(a => a.type === 'date' && surfaceOf(a) === d.text);
          assert.ok(
            hits.length > 0,
            `"${d.text}" is not annotated as a date; dates: ${JSON.stringify(
              result.annotations.filter(a => a.type === 'date').map(a => [surfaceOf(a), a.value]),
            )}`,
          );
          assert.ok(
            hits.some(a => a.value === d.value),
            `"${d.text}" has values ${JSON.stringify(hits.map(a => a.value))}`,
          );
        });
      }
      for (const n of doc.notEntities) {
        it(`"${n.text}" is not a ${n.type}`, () => {
          const bad = result.annotations.filter(a => a.type === n.type && surfaceOf(a) === n.text);
          assert.deepEqual(bad.map(surfaceOf), []);
        });
      }
      it('every annotation text equals its slice and lies in bounds', () => {
        for (const a of result.annotations) {
          assert.ok(a.start >= 0 && a.start < a.end && a.end <= text.length, `bounds of ${JSON.stringify(a)}`);
          assert.equal(a.text, text.slice(a.start, a.end));
        }
      });
    });
  }
});
