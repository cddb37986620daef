import Link from 'next/link';
import { shorten } from './format';

/**
 * A validator's address, leading to its page. Shortened unless `full`; the whole address
 * is always in the title and wraps rather than widening the page.
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
      className={`break-all font-mono text-sky-700 hover:underline ${className}`}
    >
      {full ? address : shorten(address, head, tail)}
    </Link>
  );
}
