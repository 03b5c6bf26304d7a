// Automatic linking of article entities across the corpus, by the article-level rules: the same type and name;
// else a name used as an alias elsewhere; else a short form of exactly one longer name ("Putin" joins "Vladimir
// Putin" when no other corpus person has that surname); else an acronym whose initials match exactly one name.
// Ambiguous cases stay apart (the user can merge them). Names are visited longer first (then by type and key), each
// joining the one group its candidates lead to at that point; ./linker.ts keeps this up to date as articles change.
// This file holds the rules: which names a name's candidates are (candidatesOf), with what the acronym and initials
// rules read of a spelling; the indexes they look names up in are ./linkIndexes.ts.
import { isAcronymOf } from '../entities';
import type { EntityType } from '../types';
import type { LinkIndexes } from './linkIndexes';
import { numbersOfNode, type NameNode } from './linkNodes';
import type { NameForms } from './names';

const ACRONYM = /^[\p{Lu}][\p{Lu}.&-]{1,11}$/u;
/** Whether a name of `type` spelled `name` is an acronym the third rule links ("NATO", "U.S."; never a person). */
export const isAcronymName = (type: EntityType, name: string): boolean => type !== 'person' && !name.includes(' ') && ACRONYM.test(name);
export const lettersOf = (acronym: string) => acronym.replace(/[^\p{Lu}]/gu, '');
/**
 * The letters of a spelling that is an acronym of a type other than person (isAcronymName), '' when it is none:
 * worked out once per spelling of the process (kept with its forms), not per name and build.
 */
export const acronymLetters = (f: NameForms): string => (f.acronym ??= !f.display.includes(' ') && ACRONYM.test(f.display) ? lettersOf(f.display) : '');

const UPPER_AT = /\p{Lu}/uy;
/** The initials of a name's words (space-separated): all of them upper-cased, and those of its capitalised words alone when they differ. */
export const initialsOf = (name: string): string[] => {
  // one pass, no word list made (it runs for every name of two or more words when the corpus is indexed)
  let all = '';
  let capitals = '';
  for (let i = 0; i < name.length; i++) {
    if (name[i] === ' ' || (i > 0 && name[i - 1] !== ' ')) continue;
    all += name[i].toUpperCase();
    UPPER_AT.lastIndex = i;
    if (UPPER_AT.test(name)) capitals += name[i];
  }
  return all === capitals ? [all] : [all, capitals];
};

/** The spelling a name's acronym and initials rules look at: its first member's. */
const spellingOf = (n: NameNode): string => firstForms(n).display;
/** The forms of a name's first member. */
export const firstForms = (n: NameNode): NameForms => n.forms ?? n.members[0].forms;

/** The names `n` may join, by the first rule that has any: names using it as an alias, longer names it is a short form of, names its acronym stands for. */
export function candidatesOf(n: NameNode, indexes: LinkIndexes): readonly NameNode[] {
  // 1. its name is another name's alias in some article
  const owners = indexes.aliasOwners.get(n.node);
  if (owners) {
    // the owners other than itself, each once, in the order they first used it
    let list: NameNode[] | undefined;
    for (let i = 0; i < owners.length; i++) {
      const o = owners[i];
      if (o === n || (list !== undefined && list.includes(o))) continue;
      if (list === undefined) list = [o];
      else list.push(o);
    }
    if (list !== undefined) return list;
  }
  // 2. a short form of longer names (never a place: isShortFormOf says no to every place)
  if (n.words.length > 0 && n.type !== 'place') {
    let pool: NameNode[] | undefined;
    const containing = indexes.containing[n.type];
    const words = numbersOfNode(n);
    for (let i = 0; i < words.length; i++) {
      const list = words[i] < containing.length ? containing[words[i]] : undefined;
      if (!list) {
        pool = undefined;
        break;
      }
      if (!pool || list.length < pool.length) pool = list;
    }
    let full: NameNode[] | undefined;
    // a one-word person is a short form of every longer person with its word (a run of one word): the whole pool,
    // nothing compared (most of the names the second rule looks at), and not copied (see NameNode.candidates: the
    // linker recomputes a name's candidates whenever a name comes or goes, before it reads them again)
    if (pool && words.length === 1 && n.type === 'person') return pool;
    if (pool) {
      for (let i = 0; i < pool.length; i++) {
        const c = pool[i];
        // a list made with its first name (an empty one pushed to gets room for 16 more)
        if (isShortFormByNumber(n.type, numbersOfNode(c), words)) {
          if (full) full.push(c);
          else full = [c];
        }
      }
    }
    if (full) return full;
  }
  // 3. an acronym ("NATO", "U.S.") and the names with its initials
  // a name with a space is no acronym (its key has one when its spelling has): its spelling is not read
  if (n.type === 'person' || n.key.includes(' ')) return NONE;
  const first = firstForms(n);
  const letters = acronymLetters(first);
  if (letters === '') return NONE;
  const name = first.display;
  const full = indexes.byInitials[n.type].get(letters);
  if (!full) return NONE;
  const out = full.filter(c => isAcronymOf(name, spellingOf(c)));
  return out.length > 0 ? out : NONE;
}

/**
 * isShortFormOf (../entities) on the words' numbers (names.ts wordNumbersOf: one number per distinct word, so equal
 * numbers are equal words): the same answer, numbers compared instead of strings (it runs for every name against
 * every longer name sharing its rarest word).
 */
function isShortFormByNumber(type: EntityType, long: readonly number[], short: readonly number[]): boolean {
  if (type === 'place') return false;
  const L = long.length;
  const S = short.length;
  if (S >= L || S === 0) return false;
  if (type === 'organization' && S === 1 && long[L - 1] === short[0]) return true;
  const maxStart = type === 'organization' ? 0 : L - S;
  for (let s = 0; s <= maxStart; s++) {
    let k = 0;
    while (k < S && long[s + k] === short[k]) k++;
    if (k === S) return true;
  }
  return false;
}

/** No candidates (most names): one shared list, never modified. */
const NONE: readonly NameNode[] = Object.freeze([]);
/** The candidates of a name that has none (candidatesOf's own empty list). */
export const NO_CANDIDATES = NONE;
