// What the CLI prints comes partly from files it did not write: file names, sidecar ids, entity names, the start of
// a broken sidecar. A terminal obeys control characters in them (ESC[2J clears the screen, OSC sets the window
// title, CR rewrites the line, bidi overrides reorder it), so a crafted file could fake output lines. Every such
// character is shown as a visible \uXXXX escape instead (the JSON spelling, so printed JSON still means the same).
import type { CliIO } from './io';

/* eslint-disable no-control-regex -- matching control characters is this module's job */

/** C0 controls, DEL, C1 controls (incl. NEL), bidi embeddings/overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, sparing tab and line feed where they are the output's own structure. */
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A single value (file name, id, entity name) made inert: every control character escaped, tab and newline too. */
export function safeText(value: string): string {
  return value.replace(CONTROL, escape);
}

/** Output text made inert, keeping its tabs and newlines (and CRLF line ends) as layout. */
export function safeOutput(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, (c: string, at: number) => (c === '\r' && text[at + 1] === '\n' ? c : escape(c)));
}

/** The CLI's own progress redraw (carriage return, erase line), allowed only at the very start of a write. */
const REDRAW = '\r\x1b[K';

/**
 * Wraps a command's streams so nothing printed can drive the terminal: stderr (messages) always, stdout when it is
 * a terminal (piped to a file or a program, data such as an export stays byte for byte).
 */
export function terminalSafe(io: CliIO): CliIO {
  const guard = (text: string) => (text.startsWith(REDRAW) ? REDRAW + safeOutput(text.slice(REDRAW.length)) : safeOutput(text));
  return {
    ...io,
    stdout: io.stdoutIsTTY ? text => io.stdout(guard(text)) : io.stdout,
    stderr: text => io.stderr(guard(text)),
  };
}
