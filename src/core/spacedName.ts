// How two spellings of a name are compared and listed: the analysis' entity aliases and the sidecar's (rebuilt from
// the annotations' text) must agree, so both use this one rule.

/** A name as it reads: runs of white space (a no-break space too) as one space, so "Sergey\u00a0Lavrov" is "Sergey Lavrov". */
export const spacedName = (s: string) => (ODD_SPACE.test(s) ? s.replace(/\s+/gu, ' ').trim() : s);
// white space other than single spaces between words (tested first: most names have none)
const ODD_SPACE = /[^\S ]| {2}|^\s|\s$/u;
