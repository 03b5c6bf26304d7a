// Each date rule has a guard, a pattern every match of the rule contains: a paragraph without it is not scanned
// with the rule (findDates). A guard that missed some match would silently lose dates, so: on every example the
// rules' comments quote, the sample articles and the test fixtures, wherever a rule matches its guard matches.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GUARD_OF, GUARDS, heldGuards } from '../../../../src/core/dates/guards';
import { RULES } from '../../../../src/core/dates/rules';

const root = path.resolve(__dirname, '../../../..');

function texts(): string[] {
  const rulesSource = fs.readFileSync(path.join(root, 'src/core/dates/rules.ts'), 'utf8');
  const quoted = [...rulesSource.matchAll(/"([^"\n]{2,80})"/g)].map(m => m[1]);
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .flatMap(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8').split('\n'));
  const fixtures = ['entities-articles.json', 'entities-modern.json'].map(f => fs.readFileSync(path.join(root, 'test/fixtures', f), 'utf8'));
  const upper = quoted.map(q => q.toUpperCase());
  return [...quoted, ...upper, ...seeds, ...fixtures];
}

describe('date rules: a guard never hides a match of its rule', () => {
  it('wherever a rule matches, its guard matches', () => {
    const all = texts();
    let matched = 0;
    RULES.forEach((rule, k) => {
      const re = new RegExp(rule.re.source, rule.re.flags);
      let hits = 0;
      for (const text of all) {
        for (const m of text.matchAll(re)) {
          if (m[0].length === 0) continue;
          hits++;
          assert.ok(heldGuards(m[0])[GUARD_OF[k]], `rule ${k} (${rule.guard.join('|')}) matched "${m[0]}" in "${text.slice(0, 80)}"`);
        }
      }
      if (hits > 0) matched++;
    });
    // the examples exercise nearly every rule, or this test would prove little
    assert.ok(matched >= RULES.length - 3, `${matched} of ${RULES.length} rules matched some example`);
  });

  it('a guard word is found wherever it is: inside a longer word, overlapping another, in capitals, at either end', () => {
    const holds = (text: string, guard: readonly string[]) => heldGuards(text)[GUARDS.indexOf(GUARDS.find(g => g === guard)!)];
    const guardOf = (k: number) => RULES[k].guard;
    // rule 34's guard is ['century'], rule 22's ['weekend'], rule 15's holds 'week', rule 6's ['day']
    assert.deepEqual([guardOf(34), guardOf(22), guardOf(6)], [['century'], ['weekend'], ['day']]);
    assert.ok(holds('the weekend', guardOf(15)), 'week inside weekend');
    assert.ok(holds('YESTERDAY', guardOf(6)), 'day inside yesterday, in capitals');
    assert.ok(holds('decentury', guardOf(34)), 'century overlapping dec');
    assert.ok(holds('century', guardOf(34)) && holds('xcentury', guardOf(34)));
    assert.ok(!holds('centur', guardOf(34)) && !holds('weeken', guardOf(22)));
    assert.ok(holds('in 1990', guardOf(4)) && !holds('in nineteen', guardOf(4)));
  });
});
