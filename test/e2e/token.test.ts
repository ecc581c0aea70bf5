import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { PROJECT_ROOT } from '../../platform/config';

const run = promisify(execFile);
const npmToken = (...args: string[]) => run('npm', ['run', 'token', '--', ...args], { cwd: PROJECT_ROOT, env: process.env });

describe('npm run token', () => {
  test('prints one development JWT and nothing else, with the requested claims and default scopes', async () => {
    const { stdout } = await npmToken('--client', 'citizen', '--personal-id', '001090012345');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(stdout.trim())).toMatchObject({ client_type: 'citizen', personal_id: '001090012345', scope: 'dossier:read dossier:submit document:read' });
  });

  test('refuses an unknown client type with a one-line reason and a non-zero exit', async () => {
    await expect(npmToken('--client', 'root')).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--client must be one of') });
  });
});
