// The core's one public face: hosts (src/vscode, src/cli, src/node) import from here only, never from a folder
// inside src/core (lint enforces it). Everything here is pure TypeScript: no `vscode`, no Node built-ins.
export * from './types';
export { analyze, Analyzer, type AnalysisSteps } from './analyze';
export { articleFormat, MarkdownMasker, maskMarkdown } from './markdown';
export { segment, MAX_UNIT_LENGTH, type Unit } from './segment';
export { sha256Hex, sha256Bytes, utf8Bytes } from './hash';
export { readAhead, READ_AHEAD } from './readAhead';
export { isIsoDay, isValidDay } from './dates/calendar';
export { timexPrecision, timexProblem } from './dates/timex';
export * from './sidecar';
export * from './export';
export * from './present';
export * from './session';
export * from './corpus';
