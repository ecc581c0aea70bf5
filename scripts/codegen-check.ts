// Fails when a generated resolver-types file differs from what codegen.yml produces now.
import { staleGeneratedFiles } from './lib/codegen';

staleGeneratedFiles().then((stale) => {
  if (stale.length === 0) return console.log('generated files are up to date');
  console.error(`stale generated files (run npm run codegen):\n${stale.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
});
