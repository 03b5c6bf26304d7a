// The per-category breakdown of `npm run eval`'s entity scores (issue 15): lines in capitals (headlines, sports
// tables) against running text, sports-like documents against the rest, and which type was taken for which.
// Each gold and predicted span counts in the category of its line and of its document.
import { isUpperUnit } from '../../src/core/entities/features';
import { tokenize } from '../../src/core/entities/tokenize';

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

// A headline or first line naming a sport ("SOCCER - ...", "Cricket: ...").
const SPORT =
  /\b(?:soccer|football|cricket|tennis|golf|rugby|baseball|basketball|athletics|cycling|motor ?racing|formula one|boxing|ice hockey|hockey|horse racing|nfl|nba|nhl|mlb|esports|swimming|skiing|volleyball|handball)\b/i;

/** A results or standings line: two numbers or more and few lower-case words ("Lotte 6 Hyundai 2", "Mets 58 76 .433"). */
function resultsLine(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const numbers = words.filter(w => /^\d+(?:[.:/-]\d+)*$|^\.\d+$/.test(w)).length;
  const lower = words.filter(w => /^\p{Ll}/u.test(w)).length;
  return numbers >= 2 && lower / words.length < 0.3;
}

/** A sports page: its first line names a sport, or a quarter of its lines are results or standings. */
export function isSportsDocument(lines: readonly string[]): boolean {
  if (lines.length === 0) return false;
  if (SPORT.test(lines[0])) return true;
  return lines.filter(resultsLine).length / lines.length >= 0.25;
}

export class CategoryScores {
  private readonly counts = new Map<string, Counts>();
  private readonly confusions = new Map<string, number>();

  /** Scores one document's PER/LOC/ORG spans by category (gold may hold other labels: they are left out). */
  add(text: string, gold: readonly LabelledSpan[], pred: readonly LabelledSpan[], labels: ReadonlySet<string>): void {
    const lines = text.split('\n');
    const lineStarts: number[] = [];
    let at = 0;
    for (const l of lines) {
      lineStarts.push(at);
      at += l.length + 1;
    }
    const upper = lines.map(l => isUpperUnit(tokenize(l)));
    const docCategory = isSportsDocument(lines) ? 'sports-like documents' : 'other documents';
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const categories = (s: LabelledSpan) => [upper[lineOf(s.start)] ? 'lines in capitals' : 'running text', docCategory];
    const key = (s: LabelledSpan) => `${s.start}:${s.end}:${s.label}`;
    const g = gold.filter(s => labels.has(s.label));
    const goldKeys = new Set(g.map(key));
    const predKeys = new Set(pred.map(key));
    const bump = (s: LabelledSpan, field: keyof Counts) => {
      for (const c of categories(s)) {
        let k = this.counts.get(c);
        if (!k) this.counts.set(c, (k = { tp: 0, fp: 0, fn: 0 }));
        k[field]++;
      }
    };
    for (const p of pred) {
      if (goldKeys.has(key(p))) {
        bump(p, 'tp');
        continue;
      }
      bump(p, 'fp');
      const same = gold.find(s => s.start === p.start && s.end === p.end);
      if (same) this.confusions.set(`${same.label} as ${p.label}`, (this.confusions.get(`${same.label} as ${p.label}`) ?? 0) + 1);
    }
    for (const s of g) if (!predKeys.has(key(s))) bump(s, 'fn');
  }

  lines(): string[] {
    const f1 = (c: Counts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
    const order = ['running text', 'lines in capitals', 'other documents', 'sports-like documents'];
    const out = order
      .filter(c => this.counts.has(c))
      .map(c => {
        const k = this.counts.get(c)!;
        return `  ${c.padEnd(22)} gold ${String(k.tp + k.fn).padStart(5)}  micro F1 ${f1(k).toFixed(3)}  (fp ${k.fp}, fn ${k.fn})`;
      });
    const conf = [...this.confusions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push(`  same span, wrong type: ${conf.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    return out;
  }
}
