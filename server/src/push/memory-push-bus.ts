import { DataError } from '../db/data-error';
import { LocalSubscribers } from './local-subscribers';
import { assertChannel, encodePushMessage, type PushBus } from './push-bus';

/** Single-instance bus (PGlite deployments). Events are delivered on a later microtask, never inside `publish`. */
export function createMemoryPushBus(options: { onError?: (error: unknown) => void } = {}): PushBus {
  const subscribers = new LocalSubscribers(options.onError);
  let closed = false;
  return {
    async publish(channel, event) {
      if (closed) throw new DataError('PUSH_CLOSED');
      assertChannel(channel);
      // Same wire limit as PostgreSQL so code tested on PGlite behaves the same in production.
      encodePushMessage({ o: '', c: channel, e: event });
      const copy = structuredClone(event);
      queueMicrotask(() => subscribers.dispatch(channel, copy));
    },
    subscribe(channel, handler) {
      assertChannel(channel);
      return subscribers.add(channel, handler);
    },
    onResync: () => () => {},
    ready: async () => {},
    async close() {
      closed = true;
      subscribers.clear();
    },
  };
}
