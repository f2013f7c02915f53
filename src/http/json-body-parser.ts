/**
 * The JSON body parser: Fastify's own (with its prototype-poisoning guard), behind a nesting
 * limit. A body 5,000 levels deep parses, but then overflows the stack in validation or
 * storage and became a 500; it is now refused up front as MALFORMED_JSON (400).
 */
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../core/errors/baton-error.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../core/json/json-depth.ts';

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text)) {
      done(
        new BatonError('MALFORMED_JSON', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}
