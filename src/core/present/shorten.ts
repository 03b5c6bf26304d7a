// Quoted article text is bounded wherever it is shown: a whole-article annotation must not make a 2 MB hover.

/** `text` cut to at most `max` UTF-16 code units, ending in an ellipsis when cut; never splits a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // a high surrogate without its low half would render as garbage
  return text.slice(0, cut) + '…';
}
