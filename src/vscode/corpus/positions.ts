// Offsets in an indexed article's text as line and character (UTF-16 code units, as VS Code counts them), for
// locations in articles that are not open. Line starts are computed once per indexed text.
const lineStarts = new WeakMap<object, number[]>();

function startsOf(key: object, text: string): number[] {
  let starts = lineStarts.get(key);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(key, starts);
  }
  return starts;
}

/** `key`: the object the text belongs to (the indexed article), which keeps its line starts alive. */
export function positionIn(key: object, text: string, offset: number): { line: number; character: number } {
  const starts = startsOf(key, text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}
