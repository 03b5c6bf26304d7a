// Registers every command of the table (contributions.ts) with its handler from the feature modules. The type
// below fails to compile when a command has no handler; a user's mistake in any of them is shown as a message.
import * as vscode from 'vscode';
import { annotateCommands } from './annotate';
import type { CommandId } from './contributions';
import { corpusCommands } from './corpus';
import { corpusEntityCommands } from './corpusEntities';
import { entityCommands } from './entities';
import { exportCommands } from './export';
import type { CommandHost } from './host';
import { navigateCommands } from './navigate';
import { orphanCommands } from './orphans';
import { reviewCommands } from './review';
import type { CommandHandler, Handlers } from './table';
import { Targets } from './target';
import { timelineCommands } from './timeline';
import { reportingUserErrors } from './userError';

export type { CommandHost } from './host';
export { COMMAND_IDS, COMMANDS, CONTEXT, ENTITY_VIEW, type CommandId } from './contributions';

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  const at = new Targets(host.articles);
  const handlers: Handlers<CommandId> = {
    ...annotateCommands(host, at),
    ...navigateCommands(at),
    ...orphanCommands(host, at),
    ...entityCommands(host, at),
    ...reviewCommands(host, at),
    ...exportCommands(host, at),
    ...timelineCommands(host),
    ...corpusCommands(host),
    ...corpusEntityCommands(host),
  };
  return (Object.entries(handlers) as [CommandId, CommandHandler][]).map(([id, run]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => reportingUserErrors(() => (run as (...a: unknown[]) => unknown)(...args))),
  );
}
