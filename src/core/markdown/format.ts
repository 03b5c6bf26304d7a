// Which articles are Markdown, for hosts that only have a file name (the CLI); the editor uses the document's
// language mode instead, so a user who switches it is followed.
import type { ArticleFormat } from '../types';

const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'];

export function articleFormat(fileName: string): ArticleFormat {
  const name = fileName.toLowerCase();
  return MARKDOWN_EXTENSIONS.some(ext => name.endsWith(ext)) ? 'markdown' : 'text';
}
