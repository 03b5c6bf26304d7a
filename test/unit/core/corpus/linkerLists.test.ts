// Each name's member list as a first indexing makes it (articles appended in path order) against adding the articles
// one at a time, an alias's owners kept as a list of names, and a member's alias lists made through one scratch list.
import { strict as assert } from 'node:assert';
import { LinkIndexes } from '../../../../src/core/corpus/linkIndexes';
import type { NameNode } from '../../../../src/core/corpus/linkNodes';
import { Linker } from '../../../../src/core/corpus/linker';
import { membersOf, nodeKey, nodeOfMember, type Member } from '../../../../src/core/corpus/members';
import type { CorpusArticle } from '../../../../src/core';
import { handmade } from './helpers';

/** Articles in path order where names repeat across articles and within one (two entities spelled alike). */
function articles(): CorpusArticle[] {
  return [
    handmade('a.txt', 'Vladimir Putin met Angela Merkel. Putin spoke.', [
      { text: 'Vladimir Putin', type: 'person' },
      { text: 'Angela Merkel', type: 'person' },
      { text: 'Putin', type: 'person', entity: 'Vladimir Putin' },
    ]),
    handmade('b.txt', 'Putin and putin in New New York, with the United Nations (UN).', [
      { text: 'Putin', type: 'person' },
      { text: 'putin', type: 'person' },
      { text: 'New New York', type: 'place' },
      { text: 'United Nations', type: 'organization' },
      { text: 'UN', type: 'organization', entity: 'United Nations' },
    ]),
    handmade('c.txt', 'Vladimir Putin and the United Nations. Merkel. Lyudmila Putin, Vladimir Lenin, United Nations Council.', [
      { text: 'Vladimir Putin', type: 'person' },
      { text: 'United Nations', type: 'organization' },
      { text: 'Merkel', type: 'person' },
      { text: 'Lyudmila Putin', type: 'person' },
      { text: 'Vladimir Lenin', type: 'person' },
      { text: 'United Nations Council', type: 'organization' },
    ]),
  ];
}

/** Each name's members (node -> the members' paths and ids), as the linker holds them after its update. */
function membersByName(linker: Linker, lists: readonly Member[][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const list of lists) {
    for (const m of list) {
      const node = nodeOfMember(m);
      const members = linker.name(node)!.members;
      out.set(
        node,
        members.map(x => `${x.article.path}/${x.entity}`),
      );
    }
  }
  return out;
}

describe('corpus linker lists', () => {
  it('gives each name the members addAll in path order gives as adding the articles one by one does', () => {
    const lists = articles().map(membersOf);
    const bulk = new Linker();
    bulk.addAll(lists);
    bulk.update();
    const oneByOne = new Linker();
    for (const list of lists) oneByOne.add(list);
    oneByOne.update();
    const expected = membersByName(oneByOne, lists);
    assert.deepEqual(membersByName(bulk, lists), expected);
    // two spellings of one name in one article: both, in the article's order; a name in two articles: by path
    assert.deepEqual(expected.get(nodeKey('person', 'putin')), ['b.txt/e1', 'b.txt/e2']);
    assert.deepEqual(expected.get(nodeKey('person', 'vladimir putin')), ['a.txt/e1', 'c.txt/e1']);
  });

  it('falls back to appending when the articles do not come in path order (the same lists)', () => {
    const lists = articles().map(membersOf).reverse();
    const bulk = new Linker();
    bulk.addAll(lists);
    bulk.update();
    const oneByOne = new Linker();
    for (const list of lists) oneByOne.add(list);
    oneByOne.update();
    assert.deepEqual(membersByName(bulk, lists), membersByName(oneByOne, lists));
  });

  it("keeps an alias's owners a name per member using it, noting only a name's first use and its last going", () => {
    const [name] = namesOf(articles()).filter(n => n.key === 'united nations');
    const un = membersOf(articles()[1]).find(m => m.forms.key === 'united nations')!;
    const alias = un.lists.nodes[0];
    assert.equal(alias, nodeKey('organization', 'un'));
    const indexes = new LinkIndexes(() => [name]);
    const changed = new Set<string>();
    indexes.addAliases(name, un, changed);
    assert.deepEqual([...changed], [alias]);
    changed.clear();
    indexes.addAliases(name, un, changed);
    assert.deepEqual(changed.size, 0);
    assert.deepEqual(indexes.aliasOwners.get(alias), [name, name]);
    indexes.removeAliases(name, un, changed);
    assert.deepEqual([changed.size, indexes.aliasOwners.get(alias)], [0, [name]]);
    indexes.removeAliases(name, un, changed);
    assert.deepEqual([...changed], [alias]);
    assert.equal(indexes.aliasOwners.has(alias), false);
  });

  it("makes each member's alias lists its own, after a member of more aliases", () => {
    const article = handmade('d.txt', 'Barack Obama, Obama, B. Obama; the Big Apple, New York.', [
      { text: 'Barack Obama', type: 'person' },
      { text: 'Obama', type: 'person', entity: 'Barack Obama' },
      { text: 'B. Obama', type: 'person', entity: 'Barack Obama' },
      { text: 'Big Apple', type: 'place', entity: 'New York' },
      { text: 'New York', type: 'place' },
    ]);
    const [obama, newYork] = membersOf(article);
    assert.deepEqual(obama.lists, {
      aliases: ['B. Obama', 'Barack Obama', 'Obama'],
      keys: ['b. obama', 'barack obama', 'obama'],
      nodes: [nodeKey('person', 'b. obama'), nodeKey('person', 'obama')],
    });
    assert.deepEqual(newYork.lists, { aliases: ['Big Apple', 'New York'], keys: ['big apple', 'new york'], nodes: [nodeKey('place', 'big apple')] });
  });
});

/** The linker's names of the articles, in node order, as a first linking indexes them. */
function namesOf(list: CorpusArticle[]): NameNode[] {
  const linker = new Linker();
  const members = list.map(membersOf);
  linker.addAll(members);
  linker.update();
  const seen = new Set<NameNode>();
  for (const ms of members) for (const m of ms) seen.add(linker.name(nodeOfMember(m))!);
  return [...seen].sort((a, b) => a.number - b.number);
}
