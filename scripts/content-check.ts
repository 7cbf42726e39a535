// `npm run content:check`: checks every programme, module, vignette, simulation and rubric in content/ and prints each
// problem with its file. Also run by `npm test` and at every build.
import { resolve } from 'node:path';
import { loadContent } from '../src/content/load.ts';
import { describeLengthBias, measureLengthBias } from '../src/domain/learning/index.ts';
import { describeDecisionSpread } from '../src/domain/thresholds/index.ts';

const { programmes, modules, vignettes, decisionSpread, conversations, conferences, rubrics, problems } = loadContent(resolve('content'));
console.log(describeLengthBias(measureLengthBias(modules)));
console.log(describeDecisionSpread(decisionSpread));
if (problems.length) {
  console.error(`Content problems (${problems.length}):`);
  for (const p of problems) console.error(`  ${p.file}: ${p.problem}`);
  process.exit(1);
}
console.log(`Content is complete in Welsh and English: ${programmes.length} programmes, ${modules.length} modules, ${vignettes.length} vignettes, ${conversations.length} conversation and ${conferences.length} case conference simulations, ${rubrics.length} rubrics.`);
