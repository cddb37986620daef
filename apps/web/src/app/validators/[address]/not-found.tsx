'use client';
import { isAddress } from '@ratify/aleo';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Says which it is: not an address at all, or an address no indexed chain has seen. */
export default function ValidatorNotFound() {
  const segment = usePathname().split('/').pop() ?? '';
  let address = segment;
  try {
    address = decodeURIComponent(segment);
  } catch {}
  const valid = isAddress(address);
  return (
    <section className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight">No such validator</h1>
      <p className="text-slate-700 [overflow-wrap:anywhere]" data-testid="not-found-reason">
        {valid
          ? `No indexed chain has seen ${address}: it has cast no vote, led or authored no block, and sits in no governor set or committee.`
          : `"${address}" is not a validator address: it is not valid bech32m.`}
      </p>
      <p className="text-sm">
        <Link href="/proposals" className="text-sky-700 hover:underline">
          Browse the proposals and their voters
        </Link>
      </p>
    </section>
  );
}
