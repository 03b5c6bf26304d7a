// An edit given with its range (the editor knows it from its change events): the Analyzer then finds the edited
// region without comparing the whole article with its previous text. The range is checked against the text it was
// made to, so a range that does not describe the change from the kept text is never used (the analysis then finds the
// region by common prefix and suffix, as without a range).

/** The change from `previous` to the text analysed now: [start, end) of `previous` replaced by `insertedLength` code units. */
export interface TextEdit {
  /** The text the edit was made to: the text of the document's previous analysis (the editor passes the same string). */
  previous: string;
  start: number;
  end: number;
  insertedLength: number;
}

/** The edited region of `old`: [prefix, changedEnd) replaced by text[prefix, changedEnd + delta). */
export interface EditedRegion {
  prefix: number;
  changedEnd: number;
}

/**
 * The region `edit` changed, narrowed to the code units that differ inside it (typing "abd" over "abc" changes one),
 * or undefined when the edit is not one from `old` to `text` (its previous text is another, its numbers do not add up).
 * The text outside the range is taken to be `old`'s: that is what an edit range says; the previous text's identity
 * (one string compare, a pointer compare when it is the kept string itself) is what ties the range to `old`.
 */
export function regionOfEdit(old: string, text: string, edit: TextEdit): EditedRegion | undefined {
  const { start, end, insertedLength } = edit;
  if (!(start >= 0 && start <= end && end <= old.length && insertedLength >= 0)) return undefined;
  if (old.length - (end - start) + insertedLength !== text.length || edit.previous !== old) return undefined;
  let prefix = start;
  const prefixMax = start + Math.min(end - start, insertedLength);
  while (prefix < prefixMax && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const suffixMax = Math.min(end, start + insertedLength) - prefix;
  const newEnd = start + insertedLength;
  while (suffix < suffixMax && old.charCodeAt(end - 1 - suffix) === text.charCodeAt(newEnd - 1 - suffix)) suffix++;
  return { prefix, changedEnd: end - suffix };
}
