import Link from 'next/link';
import { shorten } from './format';

/**
 * A validator's address, leading to its page. Shortened unless `full` (then it wraps
 * rather than widening the page); the whole address is always in the title.
 */
export function AddressLink({
  address,
  full = false,
  head = 12,
  tail = 6,
  className = '',
}: {
  address: string;
  full?: boolean;
  head?: number;
  tail?: number;
  className?: string;
}) {
  return (
    <Link
      href={`/validators/${encodeURIComponent(address)}`}
      title={address}
      data-testid="address-link"
      className={`font-mono text-sky-700 hover:underline ${full ? 'break-all' : 'whitespace-nowrap'} ${className}`}
    >
      {full ? address : shorten(address, head, tail)}
    </Link>
  );
}
