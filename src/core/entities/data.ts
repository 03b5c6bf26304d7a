// The one loader of the generated entity data (src/core/data/_generated/, written by `npm run data`; its
// manifest.json says from what). Every module reads the data from here; what needs decoding (the Bloom filter,
// the gazetteer's index, the common-word set) is decoded once, on first use, and shared.
import gazetteerJson from '../data/_generated/gazetteer.json';
import givenNamesJson from '../data/_generated/given-names.json';
import modelJson from '../data/_generated/ner-model.json';
import wordsJson from '../data/_generated/words.json';
import { Bloom, type BloomData } from './bloom';
import { Gazetteer, type GazetteerLists } from './gazetteer';
import type { TaggerModel } from './tagger';

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Name lists by category (see gazetteer.ts): compromise's lexicon, curated.ts and names seen in eng.train. */
export const gazetteerLists: GazetteerLists = gazetteerJson;

/** The tagger's weights (model-codec.ts), trained on CoNLL-2003 eng.train. */
export const taggerModel: TaggerModel = modelJson;

/** First words of person names in eng.train that the gazetteer's first-name list lacks. */
export const learntFirstNames: readonly string[] = wordsJson.firstNames;

/** Words written in lower case in running text and (almost) never part of a name in eng.train. */
export const commonWords: () => ReadonlySet<string> = once(() => new Set(wordsJson.commonWords));

/** The name lists indexed for matching over tokens. */
export const gazetteer: () => Gazetteer = once(() => new Gazetteer(gazetteerLists));

/** Given names of many languages, as a Bloom filter ("might be a given name"). */
export const givenNames: () => Bloom = once(() => new Bloom(givenNamesJson as BloomData));
