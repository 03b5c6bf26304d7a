import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANNOTATION_TYPES } from '../../../../src/core/types';
import { borderLook, HIGH_CONTRAST_BORDERS } from '../../../../src/vscode/features/highlightLooks';

const root = path.join(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { colors: { id: string; defaults: Record<string, string> }[] };
};

const key = (l: object) => JSON.stringify(l);

describe('highlight looks', () => {
  it('High Contrast: the four types differ by border style, not by colour alone', () => {
    const looks = ANNOTATION_TYPES.map(t => borderLook(t, 'auto', 'background', true).borderStyle);
    assert.equal(new Set(looks).size, ANNOTATION_TYPES.length, looks.join(', '));
    for (const t of ANNOTATION_TYPES) {
      assert.ok(HIGH_CONTRAST_BORDERS[t].width >= 2, `${t}: at least 2 px`);
      if (HIGH_CONTRAST_BORDERS[t].style === 'double') assert.ok(HIGH_CONTRAST_BORDERS[t].width >= 3, 'a double line needs 3 px');
    }
  });

  it('High Contrast: manual and automatic annotations differ by shape (frame vs underline), whatever the highlight style', () => {
    for (const t of ANNOTATION_TYPES) {
      for (const style of ['background', 'underline', 'both'] as const) {
        const manual = borderLook(t, 'manual', style, true);
        const auto = borderLook(t, 'auto', style, true);
        assert.equal(manual.borderStyle, auto.borderStyle);
        assert.match(manual.borderWidth, /^\d+px$/, 'a frame');
        assert.match(auto.borderWidth, /^0 0 \d+px 0$/, 'an underline');
      }
    }
  });

  it('other themes keep their looks: solid manual, dotted automatic, the same for every type', () => {
    for (const t of ANNOTATION_TYPES) {
      assert.deepEqual(borderLook(t, 'manual', 'background', false), { borderStyle: 'solid', borderWidth: '1px', borderRadius: '2px' });
      assert.deepEqual(borderLook(t, 'auto', 'background', false), { borderStyle: 'dotted', borderWidth: '1px', borderRadius: '2px' });
      assert.deepEqual(borderLook(t, 'auto', 'underline', false), { borderStyle: 'dotted', borderWidth: '0 0 2px 0' });
      assert.equal(key(borderLook(t, 'manual', 'both', false)), key({ borderStyle: 'solid', borderWidth: '0 0 2px 0' }));
    }
  });

  it('package.json contributes every highlight colour with High Contrast (dark and light) defaults, distinct per type', () => {
    const colors = new Map(pkg.contributes.colors.map(c => [c.id, c.defaults]));
    for (const part of ['Background', 'Border', 'Ruler']) {
      for (const t of ANNOTATION_TYPES) {
        const d = colors.get(`newsAnnotator.${t}${part}`);
        assert.ok(d, `newsAnnotator.${t}${part} is contributed`);
        assert.ok(d.highContrast && d.highContrastLight, `newsAnnotator.${t}${part} has highContrast and highContrastLight`);
      }
    }
    for (const theme of ['highContrast', 'highContrastLight']) {
      const borders = ANNOTATION_TYPES.map(t => colors.get(`newsAnnotator.${t}Border`)![theme].toLowerCase());
      assert.equal(new Set(borders).size, ANNOTATION_TYPES.length, `${theme}: ${borders.join(', ')}`);
    }
  });
});
