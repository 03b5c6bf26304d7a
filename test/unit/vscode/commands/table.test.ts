// The command table (src/vscode/commands/contributions.ts) against package.json, in Node: every contributed
// command is in the table and the reverse, menus and keys name known commands, titles, categories, when-clauses,
// keys and menus are the table's, and every command has exactly one handler in the feature modules.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { COMMAND_IDS, COMMANDS } from '../../../../src/vscode/commands/contributions';
import { CATEGORY, packageContributions, type PackageContributions } from '../../../../src/vscode/commands/table';

const ROOT = path.resolve(__dirname, '../../../..');
const COMMANDS_DIR = path.join(ROOT, 'src/vscode/commands');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: PackageContributions };
const contributed = pkg.contributes;
const expected = packageContributions(COMMANDS);
const ours = (id: string) => id.startsWith('newsAnnotator.');

/** Entries as sorted JSON lines: order in package.json only matters through `group`, which is compared. */
const canonical = (entries: object[]) => entries.map(e => JSON.stringify(e, Object.keys(e).sort())).sort();

describe('vscode/commands table', () => {
  it('lists every command package.json contributes, and no other', () => {
    const inPackage = contributed.commands.map(c => c.command).filter(ours);
    assert.deepEqual([...inPackage].sort(), [...COMMAND_IDS].sort());
    assert.equal(new Set(inPackage).size, inPackage.length, 'a command contributed twice');
  });

  it('gives each command the title, category and icon package.json shows', () => {
    assert.deepEqual(canonical(contributed.commands.filter(c => ours(c.command))), canonical(expected.commands));
    for (const c of contributed.commands.filter(c => ours(c.command))) assert.equal(c.category, CATEGORY, c.command);
  });

  for (const menu of Object.keys(expected.menus) as (keyof PackageContributions['menus'])[]) {
    it(`has package.json's "${menu}" entries, each naming a known command`, () => {
      const entries = contributed.menus[menu] ?? [];
      const unknown = entries.map(e => e.command).filter(c => !(COMMAND_IDS as string[]).includes(c));
      assert.deepEqual(unknown, [], `${menu} names commands the table does not know`);
      assert.deepEqual(canonical(entries), canonical(expected.menus[menu]));
    });
  }

  it('contributes no menu the table does not describe', () => {
    assert.deepEqual(
      Object.keys(contributed.menus).filter(m => !(m in expected.menus)),
      [],
    );
  });

  it("has package.json's keybindings, each naming a known command", () => {
    const unknown = contributed.keybindings.map(k => k.command).filter(c => !(COMMAND_IDS as string[]).includes(c));
    assert.deepEqual(unknown, [], 'keybindings name commands the table does not know');
    assert.deepEqual(canonical(contributed.keybindings), canonical(expected.keybindings));
  });

  it('lets the keys of Add Annotation work without a selection, as the palette does (the word under the cursor)', () => {
    const keys = contributed.keybindings.filter(k => k.command === 'newsAnnotator.addAnnotation');
    assert.ok(keys.length > 0, 'Add Annotation has keys');
    for (const k of keys) assert.doesNotMatch(k.when, /editorHasSelection/, `${k.key}: ${k.when}`);
  });

  it('has exactly one handler per command in the feature modules', () => {
    const handled = handlerIds();
    const twice = handled.filter((id, i) => handled.indexOf(id) !== i);
    assert.deepEqual(twice, [], 'commands with two handlers');
    assert.deepEqual([...handled].sort(), [...COMMAND_IDS].sort());
  });
});

/**
 * The command ids the feature modules handle: the keys of every object literal written `{ ... } satisfies
 * Handlers<...>` in src/vscode/commands, read with the TypeScript parser (the modules import `vscode`, which only
 * runs inside the editor; the compiler checks their types, this checks the ids).
 */
function handlerIds(): string[] {
  const ids: string[] = [];
  for (const file of fs.readdirSync(COMMANDS_DIR).filter(f => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(COMMANDS_DIR, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isSatisfiesExpression(node) && /\bHandlers</.test(node.type.getText(source)) && ts.isObjectLiteralExpression(node.expression)) {
        for (const p of node.expression.properties) {
          if (p.name && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name))) ids.push(p.name.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return ids;
}
