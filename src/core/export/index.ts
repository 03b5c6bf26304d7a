// The export formats, as the editor's Export command and `news-annotator export` offer them.
import { exportBrat } from './brat';
import { exportConll } from './conll';
import { exportCsv } from './csv';
import { exportJsonlDoccano, exportJsonlSpacy } from './jsonl';
import type { ExportFormat, ExportFormatId } from './types';
import { exportW3c } from './w3c';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    description: 'Web annotation tools, Hypothesis-style selectors, linked data',
    extension: '.jsonld',
    multiDocument: true,
    export: exportW3c,
  },
  {
    id: 'brat',
    label: 'brat standoff (.ann + .txt)',
    description: 'The brat annotation tool and standoff readers',
    extension: '.ann',
    multiDocument: false,
    export: exportBrat,
  },
  {
    id: 'conll',
    label: 'CoNLL IOB2',
    description: 'Token-per-line NER training data (B-PER, I-LOC, ...)',
    extension: '.conll',
    multiDocument: true,
    export: exportConll,
  },
  {
    id: 'jsonl-spacy',
    label: 'spaCy / Prodigy JSONL',
    description: 'One article a line with character spans (PERSON, LOC, ORG, DATE)',
    extension: '.jsonl',
    nameSuffix: '.spacy.jsonl',
    multiDocument: true,
    export: exportJsonlSpacy,
  },
  {
    id: 'jsonl-doccano',
    label: 'doccano JSONL',
    description: 'doccano sequence-labeling import',
    extension: '.jsonl',
    nameSuffix: '.doccano.jsonl',
    multiDocument: true,
    export: exportJsonlDoccano,
  },
  {
    id: 'csv',
    label: 'CSV (spreadsheet)',
    description: 'One row per annotation, safe to open in a spreadsheet',
    extension: '.csv',
    multiDocument: true,
    export: exportCsv,
  },
];

export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find(f => f.id === id);
}

export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = EXPORT_FORMATS.map(f => f.id);

export type { ExportFormat, ExportFormatId, ExportInput, ExportResult } from './types';
export { BRAT_ANNOTATION_CONF, exportBratDocument } from './brat';
export { exportBrat, exportConll, exportCsv, exportJsonlDoccano, exportJsonlSpacy, exportW3c };
export { BRAT_LABELS, CONLL_LABELS, JSONL_LABELS } from './labels';
export {
  planExport,
  onlyReviewed,
  folderNames,
  defaultExportName,
  defaultSuffix,
  BRAT_CONF_NAME,
  type ExportPlan,
  type ExportTarget,
  type PlanArticle,
  type PlannedFile,
  type PlannedRole,
  type PathJoin,
  type PlanOptions,
} from './plan';
export { checkPlan, isBratCopy, ARTICLE_EXTENSIONS, hasArticleExtension, type PlanCheck, type TargetKind, type TargetProbe } from './targets';
export { csvField } from './csv';
export { combinedShape, defaultCombinedName, relativeReference } from './combine';
