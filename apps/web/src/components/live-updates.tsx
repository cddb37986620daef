'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * Listens to the server's event stream and refreshes every query when the indexer commits;
 * shows whether the page is live. Queries also poll slowly, as a fallback.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/stream');
    let pending: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('indexed', () => {
      // Several chains may commit at once: refresh once per burst.
      pending ??= setTimeout(() => {
        pending = undefined;
        void queryClient.invalidateQueries();
      }, 150);
    });
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [queryClient]);
  return (
    <span className="ml-auto flex items-center gap-1.5 text-xs text-slate-500" data-testid="live">
      <span className={`h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      {live ? 'live' : 'connecting…'}
    </span>
  );
}
