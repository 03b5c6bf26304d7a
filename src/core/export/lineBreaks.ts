/* eslint-disable no-control-regex -- these control characters are what the module is about */
// Characters that end a line for some reader of the exports. Python's str.splitlines() (and readers built on it)
// breaks lines at LF, CR, VT, FF, FS, GS, RS, NEL, U+2028 and U+2029; str.split() also cuts at US (U+001F). A record
// of a line-based format (JSONL, brat .ann, CoNLL) must contain none of them, or it is read as two broken records.

/** Every character some line reader ends a line at. */
export const LINE_BREAKING = /[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/;

/** JSON for a line-based file: JSON.stringify escapes C0 but leaves NEL, U+2028 and U+2029 raw; they become \uXXXX. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u0085\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of free text (a brat note): runs of line-breaking characters and tabs become one space. */
export function oneLine(text: string): string {
  return text.replace(new RegExp(`(?:${LINE_BREAKING.source}|\\t)+`, 'g'), ' ');
}

/** Whether `text` holds a character some reader ends a line at. */
export const breaksLines = (text: string) => LINE_BREAKING.test(text);
