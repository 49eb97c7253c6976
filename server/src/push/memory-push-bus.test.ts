import { describe, expect, it } from 'vitest';
import { isDataError } from '../db/data-error';
import { createMemoryPushBus } from './memory-push-bus';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (isDataError(error) ? error.code : String(error)),
  );
}

describe('in-process push bus', () => {
  it('delivers to subscribers of the channel only, until they unsubscribe', async () => {
    const bus = createMemoryPushBus();
    const got: unknown[] = [];
    const other: unknown[] = [];
    const off = bus.subscribe('envelope:1', (event, channel) => got.push([channel, event]));
    bus.subscribe('envelope:2', (event) => other.push(event));
    await bus.publish('envelope:1', { status: 'sent' });
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([['envelope:1', { status: 'sent' }]]);
    expect(other).toEqual([]);
    off();
    await bus.publish('envelope:1', { status: 'opened' });
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toHaveLength(1);
  });

  it('isolates a throwing handler from the publisher and other handlers', async () => {
    const errors: unknown[] = [];
    const bus = createMemoryPushBus({ onError: (e) => errors.push(e) });
    const got: unknown[] = [];
    bus.subscribe('c', () => {
      throw new Error('boom');
    });
    bus.subscribe('c', (e) => got.push(e));
    await bus.publish('c', { n: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([{ n: 1 }]);
    expect(errors).toHaveLength(1);
  });

  it('rejects payloads over the NOTIFY limit, bad channels and use after close', async () => {
    const bus = createMemoryPushBus();
    expect(await codeOf(bus.publish('c', { blob: 'x'.repeat(8000) }))).toBe('PUSH_PAYLOAD_TOO_LARGE');
    expect(await codeOf(bus.publish('bad channel!', {}))).toBe('PUSH_CHANNEL_INVALID');
    await bus.close();
    expect(await codeOf(bus.publish('c', {}))).toBe('PUSH_CLOSED');
  });
});
