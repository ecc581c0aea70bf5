import path from 'node:path';

/**
 * Loaded first by every service's entry (gateway/index.ts, subgraphs/<name>/index.ts), before
 * any module it traces: OpenTelemetry's instrumentations patch `http`, `mongodb` and `ioredis`
 * as they are required, so whatever loaded earlier would go untraced (issue 16).
 *
 * Without OTEL_EXPORTER_OTLP_ENDPOINT (or its traces-only twin) nothing is loaded or patched:
 * the API's spans are no-ops and a service pays nothing. This reads the environment itself,
 * before config.ts: the OTEL_* variables are the SDK's own, standard ones.
 */
const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

if (endpoint && process.env.OTEL_SDK_DISABLED !== 'true') {
  // The entry's folder names the service, compiled or not: gateway/index.ts, dist/subgraphs/dossiers/index.js.
  const service = process.env.OTEL_SERVICE_NAME || path.basename(path.dirname(process.argv[1] ?? 'unknown'));
  // A plain require, so the SDK is loaded only when it is wanted, and before the imports after this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./tracing-sdk') as typeof import('./tracing-sdk')).startTracing(service);
}
