// Types for the example bot, so TypeScript tests can drive it.
import type { Server } from 'node:http';

export function createExampleBot(options: {
  secret: string;
  answer?: (payload: Record<string, unknown>) => unknown;
}): Server;
