import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';
import {
  annotateAllOccurrences,
  occurrencesOf,
  reconcile,
  removeAllOccurrences,
  removeEntity,
  retypeAnnotation,
  type Sidecar,
} from '../../../../src/core/sidecar';
import { annotatedAllMessage, mentions, mentionsRemoved, spansChanged } from '../../../../src/vscode/commands/counts';

const TEXT =
  'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\n' +
  'The Hemeimeem base in Syria was discussed. Merkel said Hemeimeem matters.\n' +
  'Putin left Berlin on Wednesday.\n';

const base = (): Sidecar => reconcile({ text: TEXT, file: 'article.txt', analysis: analyze(TEXT) }).sidecar;
const spans = (surface: string) => occurrencesOf(TEXT, surface).map(start => ({ start, end: start + surface.length }));

describe('vscode/commands/counts', () => {
  it('counts the occurrences Annotate All changed, not those already so', () => {
    const s = base();
    assert.ok(
      s.annotations.filter(a => a.text === 'Hemeimeem').every(a => a.type === 'place'),
      'found as places',
    );
    assert.equal(spansChanged(s, annotateAllOccurrences(s, TEXT, 'Hemeimeem', 'place'), spans('Hemeimeem')), 0, 'already places');
    const orgs = annotateAllOccurrences(s, TEXT, 'Hemeimeem', 'organization');
    assert.equal(spansChanged(s, orgs, spans('Hemeimeem')), 2, 'retyped');
    const one = retypeAnnotation(s, TEXT, s.annotations.find(a => a.text === 'Hemeimeem')!.id, 'organization');
    assert.equal(spansChanged(one, annotateAllOccurrences(one, TEXT, 'Hemeimeem', 'organization'), spans('Hemeimeem')), 1, 'the other one');
  });

  it('says how many occurrences Annotate All changed, and when none did', () => {
    assert.equal(annotatedAllMessage('Hemeimeem', 'place', 2, 2), 'annotated 2 mentions of "Hemeimeem" as place.');
    assert.equal(annotatedAllMessage('Hemeimeem', 'place', 1, 2), 'annotated 1 mention of "Hemeimeem" as place (1 already was).');
    assert.equal(annotatedAllMessage('Hemeimeem', 'place', 0, 2), 'all 2 "Hemeimeem" were already annotated as place; nothing changed.');
    assert.equal(annotatedAllMessage('Syria', 'place', 0, 1), '"Syria" was already annotated as place; nothing changed.');
  });

  it('counts the mentions Remove All and Remove Entity took away', () => {
    const s = base();
    const berlin = s.annotations.filter(a => a.text === 'Berlin');
    assert.equal(berlin.length, 2, 'Berlin is found twice');
    assert.equal(mentionsRemoved(s, removeAllOccurrences(s, TEXT, 'Berlin')), 2);
    const putin = s.annotations.find(a => a.text === 'Vladimir Putin')!;
    const all = s.annotations.filter(a => a.entity === putin.entity).length;
    assert.ok(all >= 2);
    assert.equal(mentionsRemoved(s, removeEntity(s, TEXT, putin.entity!)), all);
    assert.equal(mentionsRemoved(s, s), 0);
  });

  it('says "mention" for one, "mentions" otherwise', () => {
    assert.deepEqual([0, 1, 2].map(mentions), ['0 mentions', '1 mention', '2 mentions']);
  });
});
