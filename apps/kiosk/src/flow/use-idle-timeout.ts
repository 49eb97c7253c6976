import { useEffect, useRef } from 'react';

/** Calls `onIdle` after `seconds` without a touch, key or scroll — the shared bedside device returns to idle. */
export function useIdleTimeout(seconds: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last > seconds * 1000) callback.current();
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [seconds]);
}
