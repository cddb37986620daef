import { z } from 'zod';
import { faultsPatchSchema, NO_FAULTS } from '../faults/faults';
import type { Slot } from '../network/devnet';
import type { DevnetEvent } from '../network/events';
import { type HttpResponse, json, RouteError } from './respond';
import type { NodeServer } from './server';

export type AdminContext = {
  slot: Slot;
  server: () => NodeServer;
  advance: (blocks: number) => Promise<void>;
  info: () => unknown;
  events: () => DevnetEvent[];
};

const advanceSchema = z.object({ blocks: z.number().int().min(1).max(10_000).default(1) });
const lagSchema = z.object({ blocks: z.number().int().min(0) });
const downSchema = z.object({ ms: z.number().int().min(1).max(600_000) });
const eventsQuery = z.coerce.number().int().min(0).default(0);

function body<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown = {};
  if (text.trim().length > 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new RouteError('bad_request', 'body is not JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new RouteError(
      'bad_request',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** `/devnet/...` on a node's port: drive the devnet and switch this node's faults. */
export function createAdminHandler(ctx: AdminContext) {
  return async (method: string, segments: string[], text: string): Promise<HttpResponse> => {
    const route = `${method} ${segments.join('/')}`;
    const server = ctx.server();
    switch (route) {
      case 'GET info':
        return json(ctx.info());
      case 'GET events': {
        const since = eventsQuery.parse(new URLSearchParams(segments.join('/')).get('since') ?? 0);
        return json(ctx.events().slice(since));
      }
      case 'POST advance': {
        const { blocks } = body(advanceSchema, text);
        await ctx.advance(blocks);
        return json(ctx.info());
      }
      case 'GET faults':
        return json({ ...server.faults(), lagBlocks: ctx.slot.node?.lag() ?? 0 });
      case 'POST faults': {
        const patch = body(faultsPatchSchema, text);
        server.setFaults({ ...server.faults(), ...patch });
        return json(server.faults());
      }
      case 'POST faults/clear':
        server.setFaults({ ...NO_FAULTS });
        ctx.slot.node?.setLag(0);
        return json(server.faults());
      case 'POST reset': {
        // The height goes down: the node serves `blocks` fewer blocks until told otherwise.
        const { blocks } = body(lagSchema, text);
        ctx.slot.node?.setLag(blocks);
        return json({ height: ctx.slot.node?.height() ?? null });
      }
      case 'POST down': {
        const { ms } = body(downSchema, text);
        // Answer first, then disappear.
        setTimeout(() => void server.goDown(ms), 10);
        return json({ downForMs: ms });
      }
      default:
        throw new RouteError('not_found', `No admin route ${route}`);
    }
  };
}
