// The quick picks the commands ask with when they are run without arguments.
import * as vscode from 'vscode';
import { type AddOptions, ANNOTATION_TYPES, type AnnotationType, ENTITY_TYPES, plainText, TYPE_LABEL } from '../../core';
import type { ArticleView } from '../articles';
import { UserError } from './userError';

export const isType = (t: unknown): t is AnnotationType => typeof t === 'string' && (ANNOTATION_TYPES as readonly string[]).includes(t);

/** `args.type` when given (checked), else the type the user picks; undefined: cancelled. */
export async function pickType(args: { type?: unknown } | undefined, placeHolder: string): Promise<AnnotationType | undefined> {
  if (args && args.type !== undefined) {
    if (!isType(args.type)) throw new UserError(`Unknown annotation type "${String(args.type)}": use one of ${ANNOTATION_TYPES.join(', ')}.`);
    return args.type;
  }
  const pick = await vscode.window.showQuickPick(
    ANNOTATION_TYPES.map(t => ({ label: TYPE_LABEL[t], type: t })),
    { placeHolder },
  );
  return pick?.type;
}

/** The types the user picks, starting from those in `current`; undefined: cancelled. */
export async function pickTypes(current: ReadonlySet<AnnotationType>, placeHolder: string): Promise<AnnotationType[] | undefined> {
  const picks = await vscode.window.showQuickPick(
    ANNOTATION_TYPES.map(t => ({ label: TYPE_LABEL[t], type: t, picked: current.has(t) })),
    {
      canPickMany: true,
      placeHolder,
    },
  );
  return picks?.map(p => p.type);
}

/** A new entity named after the selection, or one already in the article; null: cancelled. */
export async function pickEntity(
  view: ArticleView,
  type: AnnotationType,
  surface: string,
  args?: { type?: unknown; entity?: string; entityName?: string },
): Promise<AddOptions | null> {
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) return {};
  if (args?.entity) return { entity: args.entity };
  if (args?.entityName) return { newEntityName: args.entityName };
  // called with a type but no entity: the entity the surface already names, else a new one
  if (args?.type !== undefined) return {};
  const existing = view.entities.filter(e => e.type === type);
  if (existing.length === 0) return {};
  const items: { label: string; description?: string; entity: AddOptions }[] = [
    { label: `$(add) New entity "${plainText(surface)}"`, entity: { newEntityName: surface } },
    ...existing.map(e => ({ label: plainText(e.name), description: plainText(e.aliases.filter(x => x !== e.name).join(', ')), entity: { entity: e.id } })),
  ];
  const pick = await vscode.window.showQuickPick(items, { placeHolder: `Which ${TYPE_LABEL[type].toLowerCase()} is "${plainText(surface)}"?` });
  return pick ? pick.entity : null;
}
