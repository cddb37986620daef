import { proposalIdSchema } from '@ratify/aleo';

/** The `{id}` of `/api/v1/proposals/{id}`: `NNN` or `NNNfield`. */
export const proposalIdParam = proposalIdSchema;

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
