// The Timeline view: a webview panel over the core's timeline (opened by commands/timeline.ts).
export { TimelinePanel, type TimelineArticles } from './panel';
export type { TimelineData, TimelineDom } from './protocol';
