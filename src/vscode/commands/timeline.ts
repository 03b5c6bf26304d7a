// Opening the Timeline view (src/vscode/timeline/).
import type { CommandHost } from './host';

export function timelineCommands(host: CommandHost) {
  return {
    'newsAnnotator.showTimeline': () => host.timeline.show(),
  };
}
