// Opening the Timeline view (src/vscode/timeline/).
import type { CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';

export function timelineCommands(host: CommandHost) {
  return {
    'newsAnnotator.showTimeline': () => host.timeline.show(),
  } satisfies Partial<Handlers<CommandId>>;
}
