import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { PROJECT_ROOT } from '../../platform/config';

/** Runs codegen in memory and lists the generated files whose committed text differs. */
export async function staleGeneratedFiles(): Promise<string[]> {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(PROJECT_ROOT, 'codegen.yml') });
  // generate() is typed as returning `any` when not saving; it returns the file outputs.
  const outputs = (await generate({ ...config, cwd: PROJECT_ROOT, silent: true }, false)) as Types.FileOutput[];
  return outputs
    .filter((o) => {
      const file = path.resolve(PROJECT_ROOT, o.filename);
      return !existsSync(file) || readFileSync(file, 'utf8') !== o.content;
    })
    .map((o) => o.filename);
}
