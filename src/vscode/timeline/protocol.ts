// The messages between the Timeline view's webview and the extension. The webview is treated as untrusted: every
// message it sends is checked here (shape, types, lengths) before the extension acts on it. No `vscode` import, so
// the webview script shares the types and Node tests reach the checks.
import type { TimelineEvent, UnplacedDate } from '../../core';

/** One article of the timeline, as the webview knows it: by index, never by a URI it could forge. */
export interface TimelineArticle {
  /** File name shown to the user. */
  name: string;
  /** Whether it has dates that cannot be placed (the view then offers Set Reference Date). */
  unplaced: number;
}

export interface TimelineData {
  /** Increases with every post, so the webview can say which one it drew. */
  version: number;
  articles: TimelineArticle[];
  /** `article` is an index into `articles` (as a string, so the core's types fit). */
  events: TimelineEvent[];
  unplaced: UnplacedDate[];
  /** Whether all open articles are shown, rather than the active one. */
  allOpen: boolean;
  /** The readable forms' locale, for the axis too. */
  locale: string;
}

/** Extension -> webview. */
export type HostMessage =
  | { type: 'timeline'; data: TimelineData }
  /** The active article's selection: items whose mention it touches are highlighted. */
  | { type: 'selection'; article: number; start: number; end: number }
  /** Tests: report what the DOM holds. */
  | { type: 'inspect'; request: number }
  /** Tests: click the n-th event item (or unplaced entry) as a user would. */
  | { type: 'click'; kind: 'event' | 'unplaced'; index: number };

/** What the DOM holds, for the security and count checks of the integration tests. */
export interface TimelineDom {
  version: number;
  /** Event items drawn on the axis. */
  items: number;
  /** Event cards listed under it. */
  cards: number;
  unplaced: number;
  /** Cards highlighted by the article's selection. */
  selected: number;
  /** Elements of each tag name in the document body. */
  tags: Record<string, number>;
  /** Attributes whose name starts with "on", anywhere. */
  handlerAttributes: number;
  /** The text of every card, as shown. */
  cardTexts: string[];
}

/** Webview -> extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; version: number }
  | { type: 'reveal'; article: number; id: string }
  | { type: 'setReferenceDate'; article: number }
  | { type: 'scope'; allOpen: boolean }
  | { type: 'exportCsv'; entity: string | null; article: number | null }
  | { type: 'exportSvg'; svg: string }
  | { type: 'inspected'; request: number; dom: TimelineDom };

/** Longest SVG the extension writes (a timeline of thousands of dates stays far below). */
export const MAX_SVG_LENGTH = 20_000_000;
const MAX_ID = 200;
const MAX_NAME = 1000;

/**
 * What a drawn timeline never holds: scripts, embedded documents, event-handler attributes, script links. Article
 * text in the SVG is escaped by the serializer (`&lt;`), so a literal `<` always starts a real tag.
 */
const ACTIVE_SVG = /<(?:script|foreignObject|iframe|object|embed|image|use)\b|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?\s*javascript:/i;

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1_000_000;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isDom(v: unknown): v is TimelineDom {
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return (
    isCount(d.version) &&
    isCount(d.items) &&
    isCount(d.cards) &&
    isCount(d.unplaced) &&
    isCount(d.selected) &&
    isCount(d.handlerAttributes) &&
    !!d.tags &&
    typeof d.tags === 'object' &&
    Object.values(d.tags as object).every(isCount) &&
    Array.isArray(d.cardTexts) &&
    d.cardTexts.every(t => typeof t === 'string')
  );
}

/** The message if it is one the webview may send, well formed; undefined otherwise (it is then ignored). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return isCount(m.version) ? { type: 'rendered', version: m.version } : undefined;
    case 'reveal':
      return isIndex(m.article) && isString(m.id, MAX_ID) && m.id !== '' ? { type: 'reveal', article: m.article, id: m.id } : undefined;
    case 'setReferenceDate':
      return isIndex(m.article) ? { type: 'setReferenceDate', article: m.article } : undefined;
    case 'scope':
      return typeof m.allOpen === 'boolean' ? { type: 'scope', allOpen: m.allOpen } : undefined;
    case 'exportCsv': {
      const entity = m.entity === null || isString(m.entity, MAX_NAME) ? (m.entity as string | null) : undefined;
      const article = m.article === null || isIndex(m.article) ? (m.article as number | null) : undefined;
      return entity !== undefined && article !== undefined ? { type: 'exportCsv', entity, article } : undefined;
    }
    case 'exportSvg':
      return isString(m.svg, MAX_SVG_LENGTH) && /^<svg[\s>]/.test(m.svg) && !ACTIVE_SVG.test(m.svg) ? { type: 'exportSvg', svg: m.svg } : undefined;
    case 'inspected':
      return isCount(m.request) && isDom(m.dom) ? { type: 'inspected', request: m.request, dom: m.dom } : undefined;
    default:
      return undefined;
  }
}
