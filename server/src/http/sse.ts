import type { PushBus, PushEvent } from '../push';

/**
 * A text/event-stream response that forwards the given push channels until the client goes away. A comment line
 * every 15 s keeps proxies from closing the stream; `resync` tells the client to re-read state after a bus hiccup.
 */
export function sseResponse(
  request: Request,
  push: PushBus,
  channels: string[],
  hello: Record<string, unknown>,
  onTick?: () => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          cleanup();
        }
      };
      const unsubs = channels.map((c) => push.subscribe(c, (e: PushEvent) => send(String(e.type ?? 'message'), e)));
      const offResync = push.onResync(() => send('resync', {}));
      const timer = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
        } catch {
          cleanup();
        }
        onTick?.().catch(() => {});
      }, 15_000);
      cleanup = () => {
        clearInterval(timer);
        offResync();
        for (const u of unsubs) u();
        try {
          controller.close();
        } catch {}
        cleanup = () => {};
      };
      request.signal.addEventListener('abort', () => cleanup());
      controller.enqueue(encoder.encode('retry: 3000\n\n'));
      send('hello', hello);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
