// The grouping an Analyzer keeps between analyses of one article: whether an edit left it as it was or changed only
// what the edited line touched, and the working mentions it reuses for the next grouping of the article's unchanged lines.
import { computeLineInfo, type LineSource, type Working } from './entities';
import { working } from './entities/mention-set';
import { ACRONYM_REACH, regroupLine } from './entities/regroup';
import { LineWords } from './entities/line-words';
import { addPatternWords, editKeepsGrouping, patternWordsOf, shiftMentions } from './entities/reuse';
import type { DocumentState, KeptGrouping, LineRecord } from './analyzeLines';

/**
 * The document's grouping after its last edit without grouping the whole article again: the grouping from before
 * the edit when the edit cannot have changed it (entities/reuse.ts), its mentions moved to their new offsets; else,
 * for an edit inside one line, that grouping updated for what the line's names changed (entities/regroup.ts).
 * Undefined when it must be computed again (the grouping from before the edit may have been changed: it is dropped).
 */
export function keptGrouping(state: DocumentState, lines: LineSource): KeptGrouping | undefined {
  const { grouping, edit } = state;
  if (!grouping || !edit) return grouping;
  const after = state.lines[edit.line];
  const { before, lineStart } = edit;
  if (!before.mentions || !after.mentions) return undefined;
  const beforeInfo = (before.info ??= computeLineInfo(before.text));
  const afterInfo = (after.info ??= computeLineInfo(after.text));
  const keeps = editKeepsGrouping({
    before: { text: before.text, info: beforeInfo, mentions: before.mentions },
    after: { text: after.text, info: afterInfo, mentions: after.mentions },
    at: edit.at - lineStart,
    end: edit.end - lineStart,
    previous: edit.line > 0 ? state.lines[edit.line - 1].text : '',
    patternWords: () => (grouping.patternWords ??= patternWordsOf(grouping.entities)),
    contested: surface => (grouping.slots.get(surface)?.types.length ?? 2) > 1,
  });
  // the index of the lines' words follows every edit while the grouping is kept (made by the first regrouping)
  grouping.lineWords?.replace(edit.line, beforeInfo, afterInfo);
  if (keeps && shiftMentions(grouping.mentions, edit.at, edit.end, after.text.length - before.text.length)) return grouping;
  const regrouped = regroupLine({
    grouped: grouping,
    line: edit.line,
    lineStart,
    before: { text: before.text, mentions: before.mentions },
    after: { text: after.text, mentions: after.mentions },
    preceding: state.text.slice(Math.max(0, lineStart - ACRONYM_REACH), lineStart),
    lines,
    holding: (words, also, fn) => {
      const index = (grouping.lineWords ??= LineWords.of(state.lines.map(rec => (rec.info ??= computeLineInfo(rec.text)))));
      const held = index.holding(words);
      let line = 0;
      let start = 0;
      const visit = (target: number) => {
        while (line < target) start += state.lines[line++].text.length + 1;
        const rec = state.lines[target];
        fn(target, start, (rec.info ??= computeLineInfo(rec.text)));
      };
      // the edited line in its place among them
      let k = 0;
      for (; k < held.length && held[k] < also; k++) visit(held[k]);
      visit(also);
      for (; k < held.length; k++) if (held[k] !== also) visit(held[k]);
    },
  });
  if (!regrouped) return undefined;
  state.inputs[edit.line] = { rec: after, work: regrouped.inputs };
  // the pattern words carried on, with the edited line's surfaces: still a superset of the regrouped entities' words
  // (their other surfaces are the kept grouping's, or a pattern's, hence one of its surfaces or a word of one), and
  // not read again from every entity's aliases at the next edit
  const patternWords = grouping.patternWords;
  if (patternWords) for (const m of after.mentions) addPatternWords(patternWords, m.surface);
  return { ...regrouped.grouped, rematched: regrouped.rematched, entitiesFrom: regrouped.entitiesFrom, patternWords, lineWords: grouping.lineWords };
}

/**
 * Pushes line `i`'s mentions onto `work` in document offsets: the objects the previous grouping was given for this
 * line, reset to the line's candidates, when the line is the same; else new ones, kept for the next grouping.
 */
export function inputsOf(state: DocumentState, i: number, rec: LineRecord, lineStart: number, work: Working[]): void {
  const ms = rec.mentions!;
  let kept = state.inputs[i];
  if (!kept || kept.rec !== rec) {
    kept = { rec, work: ms.map(m => working(m.start + lineStart, m.end + lineStart, m.type, m.surface, false, m.confidence)) };
    state.inputs[i] = kept;
    for (const m of kept.work) work.push(m);
    return;
  }
  for (let k = 0; k < ms.length; k++) {
    const o = kept.work[k];
    const m = ms[k];
    // the grouping changed the type and set the entity (surface, fixed and confidence are the line's: unchanged)
    o.start = m.start + lineStart;
    o.end = m.end + lineStart;
    o.type = m.type;
    o.entity = undefined;
    work.push(o);
  }
}
