// The Corpus view's entity actions: Rename, Merge, Split, Set External Id, Entity Note, and Undo Corpus Change. Each
// names its entity by a Corpus view node, by `{ entity: id }`, by the mention under the cursor, or by a pick; the
// decision goes through CorpusDecider (preview, decisions file, sidecars, undo).
import * as vscode from 'vscode';
import * as edits from '../../core';
import { isAbsoluteUri, mentionsOf, previewMerge, previewRename, type CorpusEntity, type EntityRef, type Finding } from '../../core';
import type { DecideOptions } from '../corpus/decide';
import type { CorpusNode } from '../corpus/treeModel';
import type { CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';
import { UserError } from './userError';

/** Arguments from code (tests, other extensions); from the view the node comes first. */
export interface EntityArgs extends DecideOptions {
  entity?: string;
  name?: string;
  /** Merge: the entities merged into `entity`. */
  with?: string[];
  /** Split: the aliases that become the new entity. */
  aliases?: string[];
  externalId?: string;
  note?: string;
}

const refOf = (e: CorpusEntity): EntityRef => ({ type: e.type, name: e.name });

export function corpusEntityCommands(host: CommandHost) {
  const { corpus } = host;
  const { decider } = corpus;
  const { index } = corpus;

  async function target(arg: CorpusNode | EntityArgs | undefined): Promise<{ entity: CorpusEntity; args: EntityArgs }> {
    await corpus.whenIdle();
    const args: EntityArgs = arg && !('kind' in arg) ? arg : {};
    const id = arg && 'kind' in arg ? (arg.kind === 'entity' || arg.kind === 'together' ? arg.id : undefined) : args.entity;
    let entity = id !== undefined ? index.corpus.entity(id) : undefined;
    if (id !== undefined && !entity) throw new UserError(`No corpus entity "${id}".`);
    const editor = vscode.window.activeTextEditor;
    entity ??= editor && corpus.navigation.entityAt(editor.document, editor.selection.active);
    entity ??= await pick(index.corpus.entities(), 'Which entity?');
    if (!entity) throw new UserError('No entity chosen.');
    return { entity, args };
  }

  async function pick(list: readonly CorpusEntity[], placeHolder: string): Promise<CorpusEntity | undefined> {
    const chosen = await vscode.window.showQuickPick(
      list.map(e => ({ label: e.name, description: `${e.type} · ${e.articles.length} articles · ${e.mentions} mentions`, entity: e })),
      { placeHolder, matchOnDescription: true },
    );
    return chosen?.entity;
  }

  const ask = async (value: string | undefined, prompt: string, current = '', validate?: (v: string) => string | undefined) => {
    const v = value ?? (await vscode.window.showInputBox({ prompt, value: current, validateInput: validate }));
    if (v === undefined) return undefined;
    const problem = validate?.(v);
    if (problem) throw new UserError(problem);
    return v;
  };

  return {
    'newsAnnotator.renameEntity': async (arg?: CorpusNode | EntityArgs) => {
      const { entity, args } = await target(arg);
      const name = await ask(args.name, `Rename "${entity.name}" in every article (the sidecars' entities; the text is not changed)`, entity.name, v =>
        v.trim() ? undefined : 'The name cannot be empty.',
      );
      if (name === undefined || name.trim() === entity.name) return undefined;
      const preview = previewRename(index.corpus, entity.id);
      return decider.apply(`Rename "${entity.name}" to "${name.trim()}"`, { kind: 'rename', entity: refOf(entity), name: name.trim() }, preview, args);
    },

    'newsAnnotator.mergeEntities': async (arg?: CorpusNode | EntityArgs) => {
      const { entity, args } = await target(arg);
      let others = (args.with ?? []).map(id => index.corpus.entity(id));
      if (others.some(o => !o)) throw new UserError(`No corpus entity ${args.with!.filter(id => !index.corpus.entity(id)).join(', ')}.`);
      if (!args.with) {
        const other = await pick(
          index.corpus.entities().filter(e => e.type === entity.type && e.id !== entity.id),
          `Merge which ${entity.type} into "${entity.name}"?`,
        );
        if (!other) return undefined;
        others = [other];
      }
      const merged = others as CorpusEntity[];
      const other = merged.find(o => o.type !== entity.type || o.id === entity.id);
      if (other)
        throw new UserError(
          `"${other.name}" (${other.type}) cannot be merged into "${entity.name}" (${entity.type}): only different entities of one type merge.`,
        );
      const preview = previewMerge(index.corpus, [entity.id, ...merged.map(o => o.id)]);
      const label = `Merge ${merged.map(o => `"${o.name}"`).join(', ')} into "${entity.name}"`;
      return decider.apply(label, { kind: 'merge', entity: refOf(entity), with: merged.map(refOf) }, preview, args);
    },

    'newsAnnotator.splitEntity': async (arg?: CorpusNode | EntityArgs) => {
      const { entity, args } = await target(arg);
      let aliases = args.aliases;
      if (!aliases) {
        const chosen = await vscode.window.showQuickPick(entity.aliases, {
          canPickMany: true,
          placeHolder: `Which names of "${entity.name}" are another entity?`,
        });
        if (!chosen?.length) return undefined;
        aliases = chosen;
      }
      const name = await ask(args.name, 'The new entity is called', aliases[0], v => (v.trim() ? undefined : 'The name cannot be empty.'));
      if (name === undefined) return undefined;
      const moved = mentionsOf(index.corpus, entity.id).filter(m => aliases.includes(m.text));
      const preview = { mentions: moved.length, articles: new Set(moved.map(m => m.path)).size, paths: [...new Set(moved.map(m => m.path))].sort() };
      return decider.apply(`Split "${name.trim()}" off "${entity.name}"`, { kind: 'split', entity: refOf(entity), name: name.trim(), aliases }, preview, args);
    },

    'newsAnnotator.setExternalId': async (arg?: CorpusNode | EntityArgs) => {
      const { entity, args } = await target(arg);
      const externalId = await ask(
        args.externalId,
        `External id of "${entity.name}": any URI (e.g. https://www.wikidata.org/wiki/Q7747)`,
        entity.externalId,
        v => (isAbsoluteUri(v.trim()) ? undefined : 'Enter an absolute URI, e.g. https://www.wikidata.org/wiki/Q7747 or urn:example:123.'),
      );
      if (externalId === undefined) return undefined;
      const preview = previewRename(index.corpus, entity.id);
      return decider.apply(
        `Set the external id of "${entity.name}"`,
        { kind: 'externalId', entity: refOf(entity), externalId: externalId.trim() },
        preview,
        args,
      );
    },

    'newsAnnotator.entityNote': async (arg?: CorpusNode | EntityArgs) => {
      const { entity, args } = await target(arg);
      const note = await ask(args.note, `Note on "${entity.name}" (every article)`, entity.note);
      if (note === undefined) return undefined;
      const preview = previewRename(index.corpus, entity.id);
      return decider.apply(`Note on "${entity.name}"`, { kind: 'note', entity: refOf(entity), note }, preview, args);
    },

    // the quick fixes of the consistency diagnostics (corpus/diagnostics.ts)
    'newsAnnotator.applyCorpusFix': async (uri: vscode.Uri, finding: Finding) => {
      const { fix } = finding;
      if (fix.kind === 'merge') {
        const [kept, ...merged] = fix.entities.map(id => index.corpus.entity(id));
        if (!kept || merged.some(m => !m)) throw new UserError('These entities are no longer in the corpus.');
        return decider.apply(`Merge ${merged.map(m => `"${m!.name}"`).join(', ')} into "${kept.name}"`, fix.decision, previewMerge(index.corpus, fix.entities));
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      if (!host.articles.sidecar(uri)) await host.articles.analyze(doc, true);
      const view =
        fix.kind === 'retype'
          ? await host.articles.edit(doc, `Change ${fix.annotations.length} mention(s) to ${fix.type}`, (s, text) =>
              fix.annotations.reduce((acc, id) => edits.retypeAnnotation(acc, text, id, fix.type), s),
            )
          : await host.articles.edit(doc, `Add ${fix.type} "${fix.text}"`, (s, text) =>
              edits.addAnnotation(s, text, { start: fix.start, end: fix.end }, fix.type),
            );
      await host.articles.save(doc);
      index.update(uri);
      return view;
    },

    'newsAnnotator.undoCorpusChange': async () => {
      const change = await decider.undo();
      if (!change) throw new UserError('No corpus change to undo.');
      return change;
    },
  } satisfies Partial<Handlers<CommandId>>;
}
