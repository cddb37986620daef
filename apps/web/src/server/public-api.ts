import { z } from 'zod';

export const proposalIdParam = z
  .string()
  .transform((s) => s.replace(/field$/, ''))
  .pipe(
    z
      .string()
      .regex(
        /^[0-9]{1,80}$/,
        'a proposal id is a decimal field value, optionally ending in "field"',
      ),
  );

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    },
  });
}

export function errorResponse(status: number, message: string): Response {
  return jsonResponse({ error: message }, status);
}
