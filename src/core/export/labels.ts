// The label each format uses for each annotation type. README documents these tables; keep them in step.
import type { AnnotationType } from '../types';

/** brat entity types (also listed in BRAT_ANNOTATION_CONF). */
export const BRAT_LABELS: Readonly<Record<AnnotationType, string>> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  date: 'Date',
};

/** CoNLL-2003 style tag suffixes (B-PER, I-LOC, ...); DATE is not in CoNLL-2003 but is what TimeBank-trained taggers use. */
export const CONLL_LABELS: Readonly<Record<AnnotationType, string>> = {
  person: 'PER',
  place: 'LOC',
  organization: 'ORG',
  date: 'DATE',
};

/** spaCy / OntoNotes-style labels, used by both JSONL variants. Places are LOC: the analysis does not tell GPE apart. */
export const JSONL_LABELS: Readonly<Record<AnnotationType, string>> = {
  person: 'PERSON',
  place: 'LOC',
  organization: 'ORG',
  date: 'DATE',
};
