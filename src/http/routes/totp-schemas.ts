/**
 * The answers of totp-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

export const TotpSetup = Type.Object({
  secret: Type.String({ description: 'Base32, to type into the app' }),
  uri: Type.String({ description: 'otpauth://totp/… for the app to read' }),
});

export const TotpConfirmed = Type.Object({
  recoveryCodes: Type.Array(Type.String()),
  endedSessions: Type.Integer({ description: 'My other sessions, now signed out' }),
});
