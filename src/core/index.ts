// The core's one public face: hosts (src/vscode, src/cli, src/node) import from here only, never from a folder
// inside src/core (lint enforces it). Everything here is pure TypeScript: no `vscode`, no Node built-ins.
export * from './types';
export { analyze, Analyzer } from './analyze';
export { segment, MAX_UNIT_LENGTH, type Unit } from './segment';
export { sha256Hex, sha256Bytes, utf8Bytes } from './hash';
export { isIsoDay, isValidDay } from './dates/calendar';
export * from './sidecar';
export * from './export';
export * from './present';
export * from './session';
export * from './corpus';
