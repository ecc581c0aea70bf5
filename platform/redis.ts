import { Redis, type Command } from 'ioredis';
import { observeRedisCommand } from './metrics';

export type { Redis };

/** Times every command sent on `redis` for the metrics (issue 16); blocking reads run on duplicates, which are not timed. */
function timed(redis: Redis): Redis {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command: Command, stream?: Parameters<Redis['sendCommand']>[1]) => {
    const started = process.hrtime.bigint();
    const observe = (ok: boolean) => () => observeRedisCommand(command.name, ok, Number(process.hrtime.bigint() - started) / 1e9);
    command.promise.then(observe(true), observe(false));
    return send(command, stream);
  };
  return redis;
}

export async function connectRedis(url: string): Promise<Redis> {
  const redis = timed(new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true }));
  await redis.connect();
  return redis;
}
export async function pingRedis(redis: Redis): Promise<string> {
  try {
    await redis.ping();
    return 'ok';
  } catch (err) {
    return `unreachable: ${(err as Error).message}`;
  }
}
