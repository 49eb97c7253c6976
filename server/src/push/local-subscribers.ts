import type { PushEvent, PushHandler } from './push-bus';

/** Channel → handlers registry shared by both bus implementations. Handler errors never reach the publisher. */
export class LocalSubscribers {
  readonly #handlers = new Map<string, Set<PushHandler>>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  add(channel: string, handler: PushHandler): () => void {
    let set = this.#handlers.get(channel);
    if (!set) {
      set = new Set();
      this.#handlers.set(channel, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.#handlers.get(channel) === set) this.#handlers.delete(channel);
    };
  }

  dispatch(channel: string, event: PushEvent): void {
    for (const handler of [...(this.#handlers.get(channel) ?? [])]) {
      try {
        handler(event, channel);
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  clear(): void {
    this.#handlers.clear();
  }
}
