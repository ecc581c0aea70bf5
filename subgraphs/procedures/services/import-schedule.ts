import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../platform/logger';
import { startPeriodic } from '../../../platform/periodic';
import type { ProceduresDomain } from '../context';
import { importNationalProcedures } from './national-import';

const LOCK = 'procedures:national-import';

/**
 * Runs the national import every `importIntervalMs` (R-PRO-3). Every procedures process runs
 * the schedule, and a Redis lock held for the interval lets one of them import per interval;
 * the import is idempotent, so a lost lock costs only a second, empty run.
 */
export function startImportSchedule({ procedures, portal, config }: ProceduresDomain, redis: Redis, logger: Logger): () => Promise<void> {
  if (!portal || config.importIntervalMs === 0) return async () => undefined;
  const me = randomUUID();
  return startPeriodic('national procedure import', logger, config.importIntervalMs, async () => {
    if ((await redis.set(LOCK, me, 'PX', config.importIntervalMs, 'NX')) !== 'OK') return false;
    const report = await importNationalProcedures({ procedures, portal }, { agencyCode: config.npspAgencyCode });
    logger.info('national procedure import done', { ...report, failed: report.failed.length });
    return false;
  });
}
