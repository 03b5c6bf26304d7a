// The commands, with what each contributes to package.json, grouped by the feature module that handles them
// (annotate.ts, navigate.ts, orphans.ts, entities.ts, export.ts). To add a command: an entry here, its handler in
// its feature module, and its package.json entries (the unit test names what is missing).
import type { CommandContribution } from './table';

/** The Entities view. */
export const ENTITY_VIEW = 'newsAnnotator.entities';
/** The Corpus view. */
export const CORPUS_VIEW = 'newsAnnotator.corpus';

/** The context keys the extension sets (features/contextKeys.ts) and the when-clauses below read. */
export const CONTEXT = {
  isArticle: 'newsAnnotator.isArticle',
  onMention: 'newsAnnotator.onMention',
  highlightsVisible: 'newsAnnotator.highlightsVisible',
  annotationMode: 'newsAnnotator.annotationMode',
  corpusFiltered: 'newsAnnotator.corpusFiltered',
} as const;

const ARTICLE = CONTEXT.isArticle;
const ON_MENTION = `${ARTICLE} && ${CONTEXT.onMention}`;
const TYPING = `editorTextFocus && ${ARTICLE}`;
const TYPING_ON_MENTION = `editorTextFocus && ${ON_MENTION}`;
const IN_VIEW = `view == ${ENTITY_VIEW}`;
const ON_ENTITY = `${IN_VIEW} && viewItem =~ /^newsAnnotator\\.(entity|dateGroup)$/`;
const IN_CORPUS = `view == ${CORPUS_VIEW}`;
const ON_CORPUS_ENTITY = `${IN_CORPUS} && viewItem == newsAnnotator.corpusEntity`;
const WORKSPACE = 'workspaceFolderCount > 0';
const keys = (key: string, when: string) => [{ key: `ctrl+${key}`, mac: `cmd+${key}`, when }];
// annotation mode: single keys, only while the mode is on and the article's text has the focus
const MODE = `editorTextFocus && ${ARTICLE} && ${CONTEXT.annotationMode}`;
// Esc keeps its other jobs (closing the find widget, a suggestion, extra cursors) before it leaves the mode
const MODE_ESCAPE = `${MODE} && !findWidgetVisible && !suggestWidgetVisible && !editorHasMultipleSelections && !inSnippetMode`;
const modeKeys = (keyList: readonly string[], when = MODE, args?: Record<string, string>) =>
  keyList.map(key => ({ key, mac: key, when, ...(args ? { args } : {}) }));

export const COMMANDS = {
  // annotate.ts
  'newsAnnotator.annotate': {
    title: 'Annotate Article',
    icon: '$(refresh)',
    palette: ARTICLE,
    menus: [{ menu: 'view/title', when: `${IN_VIEW} && ${ARTICLE}`, group: 'navigation@2' }],
  },
  'newsAnnotator.toggleHighlights': { title: 'Toggle Highlights', icon: '$(eye)', palette: ARTICLE, keybindings: keys('alt+h', TYPING) },
  'newsAnnotator.addAnnotation': {
    // no selection: the word under the cursor, from the keys as from the palette
    title: 'Add Annotation',
    palette: ARTICLE,
    keybindings: keys('alt+a', TYPING),
    menus: [{ menu: 'editor/context', when: `${ARTICLE} && editorHasSelection`, group: 'newsAnnotator@1' }],
  },
  'newsAnnotator.changeType': {
    title: 'Change Type',
    palette: ARTICLE,
    keybindings: keys('alt+t', TYPING_ON_MENTION),
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@2' }],
  },
  'newsAnnotator.removeAnnotation': {
    title: 'Remove Annotation',
    palette: ARTICLE,
    // in annotation mode `x` rejects the mention under the cursor (an automatic one stays away after re-analysis)
    keybindings: [...keys('alt+backspace', TYPING_ON_MENTION), ...modeKeys(['x'])],
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@3' }],
  },
  'newsAnnotator.annotateAllOccurrences': {
    title: 'Annotate All Occurrences',
    palette: ARTICLE,
    menus: [{ menu: 'editor/context', when: `${ARTICLE} && (editorHasSelection || ${CONTEXT.onMention})`, group: 'newsAnnotator@4' }],
  },
  'newsAnnotator.removeAllOccurrences': {
    title: 'Remove All Occurrences',
    palette: ARTICLE,
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@5' }],
  },
  // navigate.ts
  'newsAnnotator.nextMention': { title: 'Go to Next Mention', palette: ARTICLE, keybindings: keys('alt+.', TYPING) },
  'newsAnnotator.previousMention': { title: 'Go to Previous Mention', palette: ARTICLE, keybindings: keys('alt+,', TYPING) },
  'newsAnnotator.nextMentionOfEntity': {
    title: 'Go to Next Mention of the Same Entity',
    palette: ARTICLE,
    keybindings: keys('alt+shift+.', TYPING_ON_MENTION),
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@6' }],
  },
  'newsAnnotator.previousMentionOfEntity': {
    title: 'Go to Previous Mention of the Same Entity',
    palette: ARTICLE,
    keybindings: keys('alt+shift+,', TYPING_ON_MENTION),
  },
  // annotate.ts
  'newsAnnotator.setReferenceDate': { title: 'Set Reference Date', palette: ARTICLE },
  'newsAnnotator.setDateValue': { title: 'Set Date Value', palette: ARTICLE },
  // orphans.ts
  'newsAnnotator.showOrphans': {
    title: 'Show Orphaned Annotations',
    palette: ARTICLE,
    menus: [{ menu: 'view/title', when: `${IN_VIEW} && ${ARTICLE}`, group: '1_sidecar@2' }],
  },
  // export.ts
  'newsAnnotator.openSidecar': {
    title: 'Open Sidecar',
    icon: '$(json)',
    palette: ARTICLE,
    menus: [{ menu: 'view/title', when: `${IN_VIEW} && ${ARTICLE}`, group: '1_sidecar@1' }],
  },
  'newsAnnotator.export': {
    title: 'Export Annotations',
    icon: '$(export)',
    palette: ARTICLE,
    menus: [{ menu: 'view/title', when: `${IN_VIEW} && ${ARTICLE}`, group: 'navigation@3' }],
  },
  // annotate.ts
  'newsAnnotator.undo': { title: 'Undo Last Annotation Change', palette: ARTICLE, keybindings: keys('alt+z', TYPING) },
  'newsAnnotator.redo': { title: 'Redo Annotation Change', palette: ARTICLE, keybindings: keys('alt+y', TYPING) },
  // review.ts: review state, notes and annotation mode
  'newsAnnotator.toggleAnnotationMode': { title: 'Toggle Annotation Mode', palette: ARTICLE, keybindings: keys('alt+m', TYPING) },
  'newsAnnotator.leaveAnnotationMode': { title: 'Leave Annotation Mode', palette: CONTEXT.annotationMode, keybindings: modeKeys(['escape'], MODE_ESCAPE) },
  'newsAnnotator.label': {
    // the selection, else the mention or word under the cursor; in annotation mode one key per type
    title: 'Label Selection or Mention',
    palette: ARTICLE,
    keybindings: [
      ...modeKeys(['1', 'p'], MODE, { type: 'person' }),
      ...modeKeys(['2', 'l'], MODE, { type: 'place' }),
      ...modeKeys(['3', 'o'], MODE, { type: 'organization' }),
      ...modeKeys(['4', 'd'], MODE, { type: 'date' }),
    ],
  },
  'newsAnnotator.acceptAnnotation': {
    title: 'Accept Mention (Mark Reviewed)',
    palette: ARTICLE,
    keybindings: modeKeys(['a', 'enter']),
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@7' }],
  },
  'newsAnnotator.markArticleReviewed': { title: 'Mark Article Reviewed', palette: ARTICLE },
  'newsAnnotator.nextUnreviewed': { title: 'Go to Next Unreviewed Mention', palette: ARTICLE, keybindings: modeKeys(['n']) },
  'newsAnnotator.previousUnreviewed': { title: 'Go to Previous Unreviewed Mention', palette: ARTICLE, keybindings: modeKeys(['shift+n']) },
  'newsAnnotator.editNote': {
    title: 'Add/Edit Note',
    palette: ARTICLE,
    menus: [{ menu: 'editor/context', when: ON_MENTION, group: 'newsAnnotator@8' }],
  },
  // entities.ts
  'newsAnnotator.showEntities': { title: 'Show Entities' },
  'newsAnnotator.filterEntities': {
    title: 'Filter Entities by Type',
    icon: '$(filter)',
    menus: [{ menu: 'view/title', when: IN_VIEW, group: 'navigation@1' }],
  },
  'newsAnnotator.retypeEntity': {
    title: 'Change Type of Entity',
    palette: ARTICLE,
    menus: [{ menu: 'view/item/context', when: ON_ENTITY, group: 'newsAnnotator@1' }],
  },
  'newsAnnotator.removeEntity': {
    title: 'Remove Entity',
    palette: ARTICLE,
    menus: [{ menu: 'view/item/context', when: ON_ENTITY, group: 'newsAnnotator@2' }],
  },
  // navigate.ts: the Entities view's mentions run it with (uri, start, end)
  'newsAnnotator.revealMention': { title: 'Reveal Mention', palette: 'false' },
  // timeline.ts
  'newsAnnotator.showTimeline': {
    title: 'Show Timeline',
    icon: '$(calendar)',
    palette: ARTICLE,
    menus: [{ menu: 'view/title', when: `${IN_VIEW} && ${ARTICLE}`, group: 'navigation@4' }],
  },
  // corpus.ts
  'newsAnnotator.annotateAllArticles': {
    title: 'Annotate All Articles',
    icon: '$(run-all)',
    palette: WORKSPACE,
    menus: [{ menu: 'view/title', when: IN_CORPUS, group: 'navigation@2' }],
  },
  'newsAnnotator.exportWorkspace': {
    title: 'Export Workspace',
    icon: '$(export)',
    palette: WORKSPACE,
    menus: [{ menu: 'view/title', when: IN_CORPUS, group: 'navigation@3' }],
  },
  'newsAnnotator.showCorpus': { title: 'Show Corpus' },
  'newsAnnotator.filterCorpus': {
    title: 'Filter Corpus',
    icon: '$(filter)',
    menus: [{ menu: 'view/title', when: IN_CORPUS, group: 'navigation@1' }],
  },
  'newsAnnotator.clearCorpusFilter': {
    title: 'Clear Corpus Filter',
    icon: '$(clear-all)',
    palette: CONTEXT.corpusFiltered,
    menus: [{ menu: 'view/title', when: `${IN_CORPUS} && ${CONTEXT.corpusFiltered}`, group: 'navigation@1' }],
  },
  'newsAnnotator.refreshCorpus': {
    title: 'Refresh Corpus',
    icon: '$(refresh)',
    palette: WORKSPACE,
    menus: [{ menu: 'view/title', when: IN_CORPUS, group: 'navigation@4' }],
  },
  // corpusEntities.ts
  'newsAnnotator.renameEntity': {
    title: 'Rename Entity',
    palette: WORKSPACE,
    menus: [{ menu: 'view/item/context', when: ON_CORPUS_ENTITY, group: 'newsAnnotator@1' }],
  },
  'newsAnnotator.mergeEntities': {
    title: 'Merge Entities',
    palette: WORKSPACE,
    menus: [{ menu: 'view/item/context', when: ON_CORPUS_ENTITY, group: 'newsAnnotator@2' }],
  },
  'newsAnnotator.splitEntity': {
    title: 'Split Entity',
    palette: WORKSPACE,
    menus: [{ menu: 'view/item/context', when: ON_CORPUS_ENTITY, group: 'newsAnnotator@3' }],
  },
  'newsAnnotator.setExternalId': {
    title: 'Set External Id',
    palette: WORKSPACE,
    menus: [{ menu: 'view/item/context', when: ON_CORPUS_ENTITY, group: 'newsAnnotator@4' }],
  },
  'newsAnnotator.entityNote': {
    title: 'Entity Note',
    palette: WORKSPACE,
    menus: [{ menu: 'view/item/context', when: ON_CORPUS_ENTITY, group: 'newsAnnotator@5' }],
  },
  'newsAnnotator.undoCorpusChange': { title: 'Undo Corpus Change', palette: WORKSPACE },
  // corpusEntities.ts: the consistency diagnostics' quick fixes run it with (uri, finding)
  'newsAnnotator.applyCorpusFix': { title: 'Apply Corpus Quick Fix', palette: 'false' },
} as const satisfies Record<string, CommandContribution>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
