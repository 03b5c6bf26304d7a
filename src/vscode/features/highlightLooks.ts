// How a mention's border is drawn, per annotation type and look: one table, pure (no vscode), so a Node test
// checks it. Normal themes tell the look by line (solid manual, dotted automatic, dashed automatic and accepted: the
// decoration adds a check mark after an accepted one in every theme) and the type by colour. High
// Contrast themes draw every type in a strong colour on no background, so colour alone does not tell four types
// apart there: each type has its own border style and weight, and the source is told by shape instead (a frame
// around a manual annotation, a line under an automatic one).
import type { AnnotationSource, AnnotationType } from '../../core';
import type { HighlightStyle } from '../config';

/** How a mention is drawn: found automatically and not reviewed yet, accepted by the user, or the user's own. */
export type Look = AnnotationSource | 'reviewed';

export const LOOKS: readonly Look[] = ['auto', 'reviewed', 'manual'];

/** The look of an annotation: an automatic one the user accepted is 'reviewed'. */
export const lookOf = (a: { source: AnnotationSource; reviewed?: boolean }): Look => (a.source === 'auto' && a.reviewed === true ? 'reviewed' : a.source);

const NORMAL_BORDER_STYLE: Readonly<Record<Look, string>> = { auto: 'dotted', reviewed: 'dashed', manual: 'solid' };

export interface BorderLook {
  borderStyle: string;
  /** CSS widths, top right bottom left when four. */
  borderWidth: string;
  borderRadius?: string;
}

/** High Contrast themes: one border style and weight per type (a double line needs 3 px to show as two). */
export const HIGH_CONTRAST_BORDERS: Readonly<Record<AnnotationType, { style: string; width: number }>> = {
  person: { style: 'solid', width: 2 },
  place: { style: 'dashed', width: 2 },
  organization: { style: 'double', width: 3 },
  date: { style: 'dotted', width: 2 },
};

export function borderLook(type: AnnotationType, look: Look, style: HighlightStyle, highContrast: boolean): BorderLook {
  const manual = look === 'manual';
  if (highContrast) {
    const { style: borderStyle, width } = HIGH_CONTRAST_BORDERS[type];
    return { borderStyle, borderWidth: manual ? `${width}px` : `0 0 ${width}px 0` };
  }
  const borderStyle = NORMAL_BORDER_STYLE[look];
  // 'background': a thin frame; 'underline' and 'both': a line under the mention
  return style === 'background' ? { borderStyle, borderWidth: '1px', borderRadius: '2px' } : { borderStyle, borderWidth: '0 0 2px 0' };
}
