'use client';
import { useEffect, useLayoutEffect, useState } from 'react';
import { THEME_KEY } from './theme-script';

type Theme = 'light' | 'dark';

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(theme: Theme) {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

function chosen(): Theme {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    if (stored === 'dark' || stored === 'light') return stored;
  } catch {
    // Storage can be off (private modes): the system setting still applies.
  }
  return systemTheme();
}

/** Switches between light and dark and remembers it; until clicked, the system setting rules. */
export function ThemeToggle() {
  // Unknown until mounted: the server cannot know the visitor's theme.
  const [theme, setTheme] = useState<Theme | null>(null);
  // Where Next renders a page in the browser from scratch (a 404 thrown while streaming),
  // the <html> the head script marked is replaced: mark it again before it is painted.
  useLayoutEffect(() => apply(chosen()), []);
  useEffect(() => {
    setTheme(chosen());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      if (localStorage.getItem(THEME_KEY) !== null) return;
      const next = systemTheme();
      apply(next);
      setTheme(next);
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      aria-pressed={theme === 'dark'}
      aria-label="Dark theme"
      title={`Switch to the ${next} theme`}
      onClick={() => {
        localStorage.setItem(THEME_KEY, next);
        apply(next);
        setTheme(next);
      }}
      className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md border border-slate-300 text-slate-700 hover:bg-slate-100"
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
