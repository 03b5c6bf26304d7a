// Mistakes the user can fix (nothing selected, no article open, an unknown type) are shown as a plain message;
// anything else goes to VS Code, which reports it as a failure of the extension.
import { EditError, plainText } from '../../core';
import { ExportError } from '../exporting';
import { notify } from '../notices';

export class UserError extends Error {}

const isUserError = (e: unknown): e is Error => e instanceof UserError || e instanceof EditError || e instanceof ExportError;

/** Runs a command; a user's mistake becomes an error message and the command returns undefined. */
export async function reportingUserErrors(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    if (!isUserError(e)) throw e;
    void notify('error', `News Annotator: ${plainText(e.message, 400)}`);
    return undefined;
  }
}
