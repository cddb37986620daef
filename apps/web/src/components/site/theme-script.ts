/** Where the visitor's explicit choice is kept; absent means "follow the system". */
export const THEME_KEY = 'ratify-theme';

/**
 * Runs inline in <head> before the first paint, so a dark page never flashes light. It is
 * a constant: no value from a request or the chain ever goes into it.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;
