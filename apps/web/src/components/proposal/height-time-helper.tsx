'use client';
import type { ProposalPage } from '@ratify/api';
import { type FormEvent, useId, useState } from 'react';
import type { HeightTimeAnswer } from './height-time';

/** "When is height H?" and "which height at time T?", from the source chain's recent pace. */
export function HeightTimeHelper({ p }: { p: ProposalPage }) {
  const id = useId();
  const [input, setInput] = useState('');
  const [answer, setAnswer] = useState<HeightTimeAnswer | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const now = Math.floor(Date.now() / 1000);
    // The estimate's code loads with the first question, not with the page.
    const { answerHeightOrTime } = await import('./height-time');
    setAnswer(answerHeightOrTime(input, p.recentBlocks, now));
  };
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Height and time</h2>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2">
        <label htmlFor={id} className="w-full text-sm text-slate-600">
          A block height, or a UTC date and time (YYYY-MM-DD HH:MM)
        </label>
        <input
          id={id}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={`${p.terms.activationHeight} or 2026-12-01 21:30`}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          data-testid="height-time-input"
        />
        <button
          type="submit"
          className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          Ask
        </button>
      </form>
      <p
        className={`mt-2 text-sm ${answer?.kind === 'invalid' ? 'text-rose-700' : ''}`}
        aria-live="polite"
        data-testid="height-time-answer"
      >
        {answer?.text ?? ''}
      </p>
    </section>
  );
}
