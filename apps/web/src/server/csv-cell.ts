/**
 * One CSV cell (RFC 4180 quoting). A text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is a formula to a spreadsheet: it gets a leading `'` so it stays text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
