// Word lists the entity rules share, kept once (calendar words are in ../dates/vocabulary.ts).

/** Honorifics and job titles that precede a name but are never part of a mention (CoNLL convention). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame',
  'monsieur', 'herr', 'frau', 'senor', 'señor', 'sheikh', 'sheik', 'imam', 'ayatollah', 'rabbi', 'father', 'rev',
  'reverend', 'pope', 'cardinal', 'bishop', 'archbishop', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan',
  'president', 'vice-president', 'premier', 'chancellor', 'minister', 'secretary', 'prime', 'deputy', 'foreign',
  'defence', 'defense', 'interior', 'finance', 'senator', 'sen', 'congressman', 'congresswoman', 'rep',
  'representative', 'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson',
  'general', 'gen', 'lieutenant', 'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'commander', 'cmdr',
  'admiral', 'adm', 'sergeant', 'sgt', 'marshal', 'chief', 'judge', 'justice', 'coach', 'manager', 'chairman',
  'chairwoman', 'director', 'ceo', 'leader', 'officer', 'inspector', 'detective', 'agent', 'colonel-general',
  'lieutenant-general', 'major-general', 'brigadier', 'brig', 'st', 'saint', 'mp', 'mep',
]);

/** Honorifics that only ever precede a person's name. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'madam', 'madame', 'mme',
  'mlle', 'messrs', 'herr', 'frau']);

/** Legal-form words that only ever end a company's name ("Pirelli SpA", "Jones Medical Industries Inc"). */
export const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'llp', 'spa', 'ag', 'sa', 'nv',
  'bv', 'gmbh', 'ab', 'asa', 'oyj', 'kk', 'bhd', 'pty']);
