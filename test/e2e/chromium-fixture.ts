// The browser tests' shared set-up: a describe that is skipped, with the reason printed, where
// Chromium is missing (under CI=true browser.ts fails instead), and the beforeAll/afterAll hooks
// that build the web bundle, launch headless Chromium and start a Baton server serving it.
// A describe whose server is given an engine (the ones run on both) names its screenshots
// after the engine, so PostgreSQL's do not overwrite SQLite's.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../helpers/test-server.ts';
import { chromiumMissingReason, launchChromium, nameScreenshotsByEngine } from './browser.ts';
import { ensureWebBuild } from './web-build.ts';

/** Why this file's browser tests cannot run here, or null when they can. */
export const chromiumMissing = chromiumMissingReason();
if (chromiumMissing) console.warn(`Skipping browser tests: ${chromiumMissing}`);

/** How long the set-up may take by default: a build, a browser and a server, on a busy machine. */
const SET_UP_TIMEOUT = 90_000;

/** `describe`, skipped when Chromium is missing. */
export function describeInChromium(name: string, fn: () => void): void {
  describe.skipIf(chromiumMissing !== null)(name, fn);
}

export interface UseChromiumOptions {
  /** The beforeAll hook's timeout in ms (90 s by default). */
  readonly timeout?: number;
  /** Set nothing up: the describe's tests are skipped (a database that is not reachable). */
  readonly skip?: boolean;
  /** More Chromium switches (useChromium only), e.g. fake media devices. */
  readonly args?: readonly string[];
}

export interface UseTestServerOptions extends UseChromiumOptions {
  /**
   * The server's options, or a function that gives them when the hook runs (for values made
   * in the hook: a database, a config file, a stand-in's address).
   */
  readonly server?: TestServerOptions | (() => TestServerOptions | Promise<TestServerOptions>);
}

/** The describe's browser, there once its beforeAll has run. */
export interface InChromium {
  readonly browser: Browser;
}

/** The describe's server, there once its beforeAll has run. */
export interface WithTestServer {
  readonly server: TestServer;
}

/** A value set in beforeAll; reading it earlier is a mistake in the test, said plainly. */
class SetInBeforeAll<T> {
  #value: T | undefined;
  constructor(private readonly name: string) {}
  get value(): T {
    if (this.#value === undefined) throw new Error(`${this.name} is read before beforeAll ran`);
    return this.#value;
  }
  set(value: T): void {
    this.#value = value;
  }
  get current(): T | undefined {
    return this.#value;
  }
}

const serverOptions = async (options: UseTestServerOptions): Promise<TestServerOptions> =>
  typeof options.server === 'function' ? options.server() : (options.server ?? {});

/** Launches Chromium (after making sure the web bundle is fresh) for the describe, closes it after. */
export function useChromium(options: UseChromiumOptions = {}): InChromium {
  const browser = new SetInBeforeAll<Browser>('browser');
  beforeAll(async () => {
    if (options.skip) return;
    ensureWebBuild();
    browser.set(await launchChromium(options.args));
  }, options.timeout ?? SET_UP_TIMEOUT);
  afterAll(async () => {
    await browser.current?.close();
  });
  return {
    get browser() {
      return browser.value;
    },
  };
}

/**
 * Starts a Baton server for the describe (no browser), stops it after. Beside a file's one
 * `useChromium`, one per engine's describe: the engines share the browser, and a server given
 * an engine names the describe's screenshots after it.
 */
export function useTestServer(options: UseTestServerOptions = {}): WithTestServer {
  const server = new SetInBeforeAll<TestServer>('server');
  let namesScreenshots = false;
  beforeAll(async () => {
    if (options.skip) return;
    const settings = await serverOptions(options);
    if (settings.engine) {
      nameScreenshotsByEngine(settings.engine);
      namesScreenshots = true;
    }
    server.set(await startTestServer(settings));
  }, options.timeout ?? SET_UP_TIMEOUT);
  afterAll(async () => {
    if (namesScreenshots) nameScreenshotsByEngine(null);
    await server.current?.close();
  });
  return {
    get server() {
      return server.value;
    },
  };
}

/**
 * A Baton server serving the fresh web bundle, and Chromium, for the describe: started in one
 * beforeAll (the server first), closed in one afterAll (the browser first).
 */
export function useChromiumAndServer(
  options: UseTestServerOptions = {},
): InChromium & WithTestServer {
  const server = new SetInBeforeAll<TestServer>('server');
  const browser = new SetInBeforeAll<Browser>('browser');
  beforeAll(async () => {
    if (options.skip) return;
    ensureWebBuild();
    const settings = await serverOptions(options);
    nameScreenshotsByEngine(settings.engine ?? null);
    server.set(await startTestServer(settings));
    browser.set(await launchChromium());
  }, options.timeout ?? SET_UP_TIMEOUT);
  afterAll(async () => {
    nameScreenshotsByEngine(null);
    await browser.current?.close();
    await server.current?.close();
  });
  return {
    get server() {
      return server.value;
    },
    get browser() {
      return browser.value;
    },
  };
}
