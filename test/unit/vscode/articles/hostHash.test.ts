// The editor hashes the article it saves with the host's crypto.subtle: the sidecar must record the same hash the
// core (and the CLI) computes, or every article saved in the editor would look changed to the CLI and the corpus.
import { strict as assert } from 'node:assert';
import { sha256Hex } from '../../../../src/core/hash';
import { hostSha256 } from '../../../../src/vscode/articles/hostHash';

describe('hostSha256', () => {
  it("gives the core's hash: ASCII, accents, astral characters, a lone surrogate, empty, long", async () => {
    for (const text of ['', 'abc', 'Zürich, Ñuñoa, Łódź', 'emoji 😀 end', 'lone \ud800 surrogate \udc00', 'x\r\n'.repeat(50_000)]) {
      assert.equal(await hostSha256(text), sha256Hex(text), JSON.stringify(text.slice(0, 30)));
    }
  });
});
