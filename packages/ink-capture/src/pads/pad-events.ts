import type { PadEventMap, PadListener } from './pad-driver';

/** Minimal typed emitter shared by the drivers (no DOM EventTarget, so it also runs in Node tests). */
export class PadEvents {
  private readonly listeners: { [K in keyof PadEventMap]: Set<PadListener<K>> } = {
    sample: new Set(),
    button: new Set(),
    disconnect: new Set(),
  };

  on<K extends keyof PadEventMap>(type: K, listener: PadListener<K>): () => void {
    (this.listeners[type] as Set<PadListener<K>>).add(listener);
    return () => (this.listeners[type] as Set<PadListener<K>>).delete(listener);
  }

  emit<K extends keyof PadEventMap>(type: K, value: PadEventMap[K]): void {
    for (const listener of this.listeners[type] as Set<PadListener<K>>) listener(value);
  }
}
