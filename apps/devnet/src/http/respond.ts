import { prettyJson } from '../json/pretty-json';

export type HttpResponse = { status: number; body: string; contentType: string };

/** Older nodes answer every error with 500 and text; newer ones with a status and JSON. */
export type ErrorStyle = 'modern' | 'legacy';

export type ErrorKind =
  | 'bad_request'
  | 'not_found'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  not_found: 404,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

export const json = (value: unknown, status = 200): HttpResponse => ({
  status,
  body: prettyJson(value),
  contentType: 'application/json',
});

/** A body that is already pretty JSON (cached blocks). */
export const rawJson = (body: string): HttpResponse => ({
  status: 200,
  body,
  contentType: 'application/json',
});

export function error(style: ErrorStyle, kind: ErrorKind, message: string): HttpResponse {
  if (style === 'legacy') {
    return {
      status: 500,
      body: `Something went wrong: ${message}`,
      contentType: 'text/plain; charset=utf-8',
    };
  }
  return json({ message, error_type: kind }, STATUS[kind]);
}

/** Thrown inside a route to answer with an error in the node's style. */
export class RouteError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}
