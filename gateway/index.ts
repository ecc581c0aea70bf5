// First: tracing must hook require() before the modules it traces load (platform/instrument.ts).
import '../platform/instrument';
import cluster from 'node:cluster';
import { createLogger } from '../platform/logger';
import { flushTraces } from '../platform/tracing';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { startGateway } from './server';
import { runWorkers } from './workers';

const failed = (err: unknown) => {
  createLogger('gateway').error('failed to start', { err });
  process.exit(1);
};

function serve(config: GatewayConfig) {
  startGateway(config)
    .then(({ stop }) => {
      let stopped: Promise<void> | undefined;
      // Ctrl-C reaches the workers both from the terminal and from the primary: stop once.
      const exit = () => void (stopped ??= stop().then(flushTraces).then(() => process.exit(0)));
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, exit);
      // A worker whose primary is gone (killed outright) must not live on holding the port.
      if (cluster.isWorker) process.once('disconnect', exit);
    })
    .catch(failed);
}

let config: GatewayConfig | undefined;
try {
  config = loadGatewayConfig();
} catch (err) {
  failed(err);
}
if (config && cluster.isPrimary && config.workers > 1) runWorkers(config.workers, createLogger('gateway', { level: config.logLevel }));
else if (config) serve(config);
