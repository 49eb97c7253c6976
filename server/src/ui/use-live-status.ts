'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * Subscribes to the console's server-sent events and invalidates cached queries when an envelope changes, so
 * every list on screen shows the new status within a moment. Returns whether the stream is connected.
 */
export function useLiveStatus(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/events');
    const refresh = () => queryClient.invalidateQueries();
    source.addEventListener('hello', () => setConnected(true));
    source.addEventListener('envelope.status', refresh);
    source.addEventListener('resync', refresh);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [queryClient]);
  return connected;
}
