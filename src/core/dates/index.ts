// Date detection and resolution: rule-based (detect.ts), cached per paragraph by the analyzer; resolution
// against the article's reference date happens afterwards (resolve.ts).
export type { DateExpression, Tense, TimeOfDay } from './expression';
export { findDates, type DateCandidate } from './detect';
export { resolveDate, resolveDatePhrase, resolveDateText, type ResolvedDate } from './resolve';
export { timexPrecision, timexProblem } from './timex';
export { detectReferenceDate } from './reference';
export { isIsoDay, isValidDay, parseIsoDay, daysInMonth, type Day } from './calendar';
