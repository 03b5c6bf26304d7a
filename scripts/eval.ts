// `npm run eval`: scores the analysis on the development sets in ../shared/data (or NEWS_ANNOTATOR_DATA),
// side by side with raw compromise on the same text in the same run. Only this script reads ../shared.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runConllEval } from './eval/conll';
import { runTimemlEval } from './eval/timeml';

const dataDir = path.resolve(process.argv[2] ?? process.env.NEWS_ANNOTATOR_DATA ?? path.join(__dirname, '../../shared/data'));
if (!fs.existsSync(dataDir)) {
  console.log(
    `npm run eval: no evaluation data at ${dataDir}.\n` +
      'It reads the CoNLL-2003 and TimeBank + AQUAINT development sets from ../shared/data beside the project ' +
      '(or the folder given as argument / NEWS_ANNOTATOR_DATA). Nothing was scored.',
  );
  process.exit(0);
}
runConllEval(dataDir);
console.log();
runTimemlEval(dataDir);
