import Link from 'next/link';
import { shorten } from '../format';

/** A validator's address, linking to its page. */
export function VoterLink({ address }: { address: string }) {
  return (
    <Link
      href={`/validators/${address}`}
      title={address}
      className="font-mono text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-sky-300"
    >
      {shorten(address, 12, 6)}
    </Link>
  );
}
