export { articleFormat } from './format';
export { MarkdownMasker, maskMarkdown } from './mask';
