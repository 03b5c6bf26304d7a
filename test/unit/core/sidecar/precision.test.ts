// Date precision is carried from the resolver to the sidecar: auto dates get it from the analysis, manual dates from
// the caller with their value, and it goes wherever the value goes.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core/analyze';
import { resolveDatePhrase } from '../../../../src/core/dates';
import { addAnnotation, parseSidecar, reconcile, retypeAnnotation, serializeSidecar, setNote, validateSidecar } from '../../../../src/core/sidecar';

const text = 'MOSCOW, Nov. 24, 2015 - Putin spoke last week about the third quarter and met Shoigu on Tuesday.';
const fresh = (referenceDate: string | null = '2015-11-25') =>
  reconcile({ text, file: 'a.txt', analysis: analyze(text, { referenceDate: referenceDate ?? undefined }) }).sidecar;
const dateAt = (s: ReturnType<typeof fresh>, quote: string) => s.annotations.find(a => a.type === 'date' && a.text === quote)!;

describe('core/sidecar: date precision', () => {
  it('the analysis gives every resolved date its precision, and an unresolved one none', () => {
    const dates = analyze(text, { referenceDate: '2015-11-25' }).annotations.filter(a => a.type === 'date');
    assert.deepEqual(
      dates.map(a => [a.text, a.value, a.precision]),
      [
        ['Nov. 24, 2015', '2015-11-24', 'day'],
        ['last week', '2015-W47', 'week'],
        ['the third quarter', '2015-Q3', 'quarter'],
        ['Tuesday', '2015-11-24', 'day'],
      ],
    );
    const unresolved = analyze(text).annotations.filter(a => a.type === 'date' && a.value === null);
    assert.ok(unresolved.length > 0);
    assert.ok(unresolved.every(a => !('precision' in a)));
  });

  it('lexicon dates carry it too', () => {
    const r = analyze('The Day of Action was on Tuesday.', { referenceDate: '2015-11-25', lexicon: { 'Day of Action': 'date', Tuesday: 'date' } });
    const tuesday = r.annotations.find(a => a.text === 'Tuesday')!;
    assert.deepEqual([tuesday.value, tuesday.precision], ['2015-11-24', 'day']);
    const day = r.annotations.find(a => a.text === 'Day of Action')!;
    assert.deepEqual([day.value, 'precision' in day], [null, false]);
  });

  it('is stored in the sidecar after the value, and read back', () => {
    const s = fresh();
    assert.equal(dateAt(s, 'last week').precision, 'week');
    const written = serializeSidecar(s);
    assert.match(written, /"value": "2015-W47",\n {6}"precision": "week",\n {6}"prefix"/);
    assert.deepEqual(parseSidecar(written, 'a.txt.annotations.json'), s);
  });

  it('a manual date takes the precision given with its value; none without a value', () => {
    const span = { start: text.indexOf('last week'), end: text.indexOf('last week') + 'last week'.length };
    const { value, precision } = resolveDatePhrase('last week', '2015-11-25');
    const s = addAnnotation(fresh(), text, span, 'date', { value, precision });
    const added = s.annotations.find(a => a.source === 'manual')!;
    assert.deepEqual([added.value, added.precision], ['2015-W47', 'week']);
    const unresolved = addAnnotation(fresh(), text, span, 'date', { value: null, precision: 'week' }).annotations.find(a => a.source === 'manual')!;
    assert.deepEqual([unresolved.value, 'precision' in unresolved], [null, false]);
    assert.deepEqual(validateSidecar(s), []);
  });

  it('follows the value through retyping and notes; leaves with it', () => {
    const s = fresh();
    const quarter = dateAt(s, 'the third quarter');
    const noted = setNote(s, text, quarter.id, 'Q3 results');
    assert.equal(noted.annotations.find(a => a.note === 'Q3 results')?.precision, 'quarter');
    const retyped = retypeAnnotation(s, text, quarter.id, 'date', { value: '2015', precision: 'year' });
    assert.deepEqual(
      retyped.annotations.filter(a => a.source === 'manual').map(a => [a.value, a.precision]),
      [['2015', 'year']],
    );
    const kept = retypeAnnotation(s, text, quarter.id, 'date');
    assert.deepEqual(
      kept.annotations.filter(a => a.source === 'manual').map(a => [a.value, a.precision]),
      [['2015-Q3', 'quarter']],
    );
    const named = retypeAnnotation(s, text, quarter.id, 'organization');
    assert.ok(named.annotations.every(a => a.type === 'date' || !('precision' in a)));
    assert.deepEqual(validateSidecar(named), []);
  });

  it('changes with the reference date when the auto dates are resolved again', () => {
    const later = reconcile({ text, file: 'a.txt', analysis: analyze(text, { referenceDate: '2016-03-01' }), previous: fresh() }).sidecar;
    assert.deepEqual([dateAt(later, 'last week').value, dateAt(later, 'last week').precision], ['2016-W08', 'week']);
  });
});
