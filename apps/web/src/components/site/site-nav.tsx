'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/proposals', label: 'Proposals' },
  { href: '/chains', label: 'Chains' },
  { href: '/split', label: 'Split' },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The site's sections; the current one is marked for screen readers and by weight. */
export function SiteNav() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {LINKS.map((l) => {
        const current = isCurrent(pathname, l.href);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? 'page' : undefined}
              className={
                current
                  ? 'font-semibold text-slate-900'
                  : 'text-slate-600 hover:text-slate-900 hover:underline'
              }
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
