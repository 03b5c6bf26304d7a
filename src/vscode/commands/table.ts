// The typed command table's shape: what each command contributes to package.json (title, icon, when it is offered
// in the palette, its keys and menus) and the handlers that run it. Plain data and types, no `vscode`, so a Node
// unit test can check the table against package.json (test/unit/vscode/commands/table.test.ts).

/** Every command is listed under this category in the palette. */
export const CATEGORY = 'News Annotator';

/** The menus the extension contributes to, besides the command palette. */
export type MenuId = 'editor/context' | 'view/title' | 'view/item/context';

export interface MenuPlacement {
  menu: MenuId;
  when: string;
  group: string;
}

export interface KeyBinding {
  key: string;
  mac: string;
  when: string;
  /** Passed to the command (annotation mode's `p` runs Label with `{ type: 'person' }`). */
  args?: Readonly<Record<string, string>>;
}

export interface CommandContribution {
  title: string;
  /** A codicon, shown where the command is a view-title button. */
  icon?: string;
  /** When the palette offers the command (`'false'`: never); absent: always. */
  palette?: string;
  keybindings?: readonly KeyBinding[];
  menus?: readonly MenuPlacement[];
}

/**
 * A command's handler. Arguments are optional so each command also runs without UI (tests, keybindings with args,
 * other extensions); `never[]` lets every handler declare the arguments it accepts.
 */
export type CommandHandler = (...args: never[]) => unknown;

/** Handlers for some of the commands: each feature module returns one for its own commands. */
export type Handlers<Id extends string> = { readonly [K in Id]: CommandHandler };

/** The entries of package.json's `contributes` that come from the table, in its shapes. */
export interface PackageContributions {
  commands: { command: string; title: string; category: string; icon?: string }[];
  menus: Record<'commandPalette' | MenuId, { command: string; when: string; group?: string }[]>;
  keybindings: ({ command: string } & KeyBinding)[];
}

/** What package.json must contribute for this table (order: the table's). */
export function packageContributions(table: Readonly<Record<string, CommandContribution>>): PackageContributions {
  const out: PackageContributions = {
    commands: [],
    menus: { commandPalette: [], 'editor/context': [], 'view/title': [], 'view/item/context': [] },
    keybindings: [],
  };
  for (const [command, c] of Object.entries(table)) {
    out.commands.push({ command, title: c.title, category: CATEGORY, ...(c.icon ? { icon: c.icon } : {}) });
    if (c.palette !== undefined) out.menus.commandPalette.push({ command, when: c.palette });
    for (const m of c.menus ?? []) out.menus[m.menu].push({ command, when: m.when, group: m.group });
    for (const k of c.keybindings ?? []) out.keybindings.push({ command, key: k.key, mac: k.mac, when: k.when, ...(k.args ? { args: k.args } : {}) });
  }
  return out;
}
