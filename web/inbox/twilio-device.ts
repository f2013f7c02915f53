// The Twilio Voice JS SDK, loaded only for an agent who takes calls in this browser: the
// dynamic import makes it a chunk of its own, so the inbox of everyone else does not carry it.

import type { DeviceLike } from './browser-calls.ts';

/** Loads the SDK and makes a Device with the agent's Access Token (not yet registered). */
export async function loadTwilioDevice(token: string): Promise<DeviceLike> {
  const { Device } = await import('@twilio/voice-sdk');
  // closeProtection: closing the tab during a call asks first.
  return new Device(token, { closeProtection: true });
}
