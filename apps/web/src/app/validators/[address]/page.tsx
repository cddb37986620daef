import { createCaller, validatorAddressSchema } from '@ratify/api';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ValidatorDetail } from '@/components/validator/validator-detail';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { address } = await params;
  return { title: `Validator ${decodeURIComponent(address).slice(0, 12)}… · Ratify` };
}

export default async function ValidatorPage({ params }: Params) {
  const parsed = validatorAddressSchema.safeParse(decodeURIComponent((await params).address));
  // Not an address at all, or one no indexed chain has seen: both are pages that do not exist.
  if (!parsed.success) notFound();
  const view = await createCaller({ db: getDb() })
    .validators.get({ address: parsed.data })
    .catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
  if (!view) notFound();
  return <ValidatorDetail v={view} />;
}
