import { createLogger } from '../subgraphs/kit/logger';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

startGateway(loadGatewayConfig())
  .then(({ stop }) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void stop().then(() => process.exit(0)));
    }
  })
  .catch((err: unknown) => {
    createLogger('gateway').error('failed to start', { err });
    process.exit(1);
  });
