// The version printed by --version and written into sidecars, taken from package.json when the CLI is bundled.
import { version } from '../../package.json';

export const VERSION: string = version;
export const GENERATOR = `news-annotator ${VERSION}`;
