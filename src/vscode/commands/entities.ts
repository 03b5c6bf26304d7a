// The Entities view and its actions: show it, filter it by type, retype or remove every mention of an entity.
import * as vscode from 'vscode';
import type { AnnotationType } from '../../core';
import * as edits from '../../core';
import type { EntityNode } from '../features/entityTree';
import { notify } from '../notices';
import { ENTITY_VIEW, type CommandId } from './contributions';
import { mentions, mentionsRemoved } from './counts';
import type { CommandHost } from './host';
import { isType, pickType, pickTypes } from './pick';
import type { Handlers } from './table';
import type { Span, Targets } from './target';
import { UserError } from './userError';

export function entityCommands(host: CommandHost, at: Targets) {
  const { articles, tree } = host;
  return {
    'newsAnnotator.showEntities': async () => vscode.commands.executeCommand(`${ENTITY_VIEW}.focus`),

    'newsAnnotator.filterEntities': async (types?: AnnotationType[]) => {
      const chosen = types ?? (await pickTypes(tree.filter, 'Show these types in the Entities view'));
      if (!chosen) return undefined;
      const bad = chosen.filter(t => !isType(t));
      if (bad.length) throw new UserError(`Unknown annotation type(s): ${bad.join(', ')}.`);
      tree.setFilter(chosen);
      return [...tree.filter];
    },

    // from the view's context menu: (node, selectedNodes); from code: ({ entity, type }) or (node, { type })
    'newsAnnotator.retypeEntity': async (node?: EntityNode | { entity: string; type?: AnnotationType }, options?: { type?: AnnotationType } | unknown[]) => {
      const target = await at.entity(node);
      const choice = options && !Array.isArray(options) ? options : node && !('kind' in node) ? node : undefined;
      const type = await pickType(choice, `Change every mention of "${target.name}" to…`);
      if (!type) return undefined;
      return articles.edit(target.doc, `Change "${target.name}" to ${type}`, (s, text) =>
        target.entityId ? edits.retypeEntity(s, text, target.entityId, type) : bySpan(s, target.mentions, text, type),
      );
    },

    'newsAnnotator.removeEntity': async (node?: EntityNode | { entity: string }) => {
      const target = await at.entity(node);
      let removed = 0;
      const result = await articles.edit(target.doc, `Remove "${target.name}"`, (s, text) => {
        const next = target.entityId ? edits.removeEntity(s, text, target.entityId) : bySpan(s, target.mentions, text);
        removed = mentionsRemoved(s, next);
        return next;
      });
      void notify('info', `News Annotator: removed ${mentions(removed)} of "${target.name}".`);
      return result;
    },
  } satisfies Partial<Handlers<CommandId>>;
}

/** Retypes (or removes) the annotations at these spans one by one: dates group by value, not by entity. */
function bySpan(s: edits.Sidecar, mentions: readonly Span[], text: string, type?: AnnotationType): edits.Sidecar {
  let next = s;
  for (const m of mentions) {
    const current = next.annotations.find(a => a.start === m.start && a.end === m.end);
    if (!current) continue;
    next = type ? edits.retypeAnnotation(next, text, current.id, type) : edits.removeAnnotation(next, text, current.id);
  }
  return next;
}
