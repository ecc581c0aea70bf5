import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../platform/config';

/**
 * Issue 16: traces cost nothing unless asked for. A process loads platform/instrument.ts as every entry
 * does and reports whether the OpenTelemetry SDK was loaded and `http` patched.
 */
const PROBE = `
require('./platform/instrument');
const http = require('node:http');
console.log(JSON.stringify({ sdk: Object.keys(require.cache).some((k) => k.includes('@opentelemetry/sdk-trace')), patched: Boolean(http.Server.prototype.emit.__wrapped) }));
`;

function probe(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_'))) as Record<string, string>;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', PROBE], { cwd: PROJECT_ROOT, env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { sdk: boolean; patched: boolean };
}

describe('turning tracing on and off (issue 16)', () => {
  test('without OTEL_EXPORTER_OTLP_ENDPOINT no SDK is loaded and nothing is patched', () => {
    expect(probe({})).toEqual({ sdk: false, patched: false });
  });

  test('with OTEL_EXPORTER_OTLP_ENDPOINT the SDK starts before the modules it traces (http is patched)', () => {
    expect(probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual({ sdk: true, patched: true });
  });

  test('OTEL_SDK_DISABLED=true keeps it off even with an endpoint', () => {
    expect(probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' })).toEqual({ sdk: false, patched: false });
  });
});
