import type { ProposalSearch } from '@ratify/api';

/** The list's URL for a state: defaults are left out so that links stay short. */
export function searchHref(search: ProposalSearch, change: Partial<ProposalSearch> = {}): string {
  const s = { ...search, ...change };
  const params = new URLSearchParams();
  if (s.phase) params.set('phase', s.phase);
  if (s.q) params.set('q', s.q);
  if (s.sort !== 'newest') params.set('sort', s.sort);
  if (s.per !== 20) params.set('per', String(s.per));
  if (s.page !== 1) params.set('page', String(s.page));
  const query = params.toString();
  return query ? `/proposals?${query}` : '/proposals';
}
