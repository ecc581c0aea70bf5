import type { Redis } from 'ioredis';
import { groupLags } from './events';
import { gauge, perScrape } from './metrics';

/**
 * Gauges of work waiting (issue 16), read from the stores when Prometheus scrapes: an outbox's
 * pending entries and the age of its oldest, and each consumer group's lag on a stream. They are
 * registered by the process that owns the outbox or publishes the stream, so they stay visible
 * while a consumer is stopped (its own process may be gone).
 */
type Reader = () => Promise<void>;
const outboxes = new Map<string, Reader>();
const streams = new Map<string, Reader>();
const readEach = (readers: Map<string, Reader>) => Promise.all([...readers.values()].map((read) => read()));
const readOutboxes = perScrape(() => readEach(outboxes));
const readStreams = perScrape(() => readEach(streams));

const outboxPending = () =>
  gauge({ name: 'vss_outbox_pending', help: 'Entries of an outbox not yet relayed', labelNames: ['outbox'], collect: readOutboxes });
const oldestAge = () =>
  gauge({ name: 'vss_outbox_oldest_age_seconds', help: 'Age of the oldest entry of an outbox not yet relayed (0 when none)', labelNames: ['outbox'], collect: readOutboxes });
const lag = () =>
  gauge({ name: 'vss_events_consumer_lag', help: 'Events on a stream not yet delivered to a consumer group', labelNames: ['stream', 'group'], collect: readStreams });
const unacknowledged = () =>
  gauge({ name: 'vss_events_consumer_pending', help: 'Events delivered to a consumer group and not yet acknowledged', labelNames: ['stream', 'group'], collect: readStreams });

/** An outbox's pending entries, as `pending` reads them (an indexed lookup: they are few). */
export function exportOutbox(outbox: string, readPending: () => Promise<{ at: Date }[]>): void {
  outboxes.set(outbox, async () => {
    const pending = await readPending();
    const oldest = pending.reduce((o, e) => Math.min(o, e.at.getTime()), Date.now());
    outboxPending().set({ outbox }, pending.length);
    oldestAge().set({ outbox }, (Date.now() - oldest) / 1000);
  });
  outboxPending();
  oldestAge();
}

/** Each consumer group's lag and unacknowledged count on `stream`. */
export function exportStreamLag(redis: Redis, stream: string): void {
  streams.set(stream, async () => {
    for (const { group, lag: behind, pending } of await groupLags(redis, stream)) {
      lag().set({ stream, group }, behind);
      unacknowledged().set({ stream, group }, pending);
    }
  });
  lag();
  unacknowledged();
}
