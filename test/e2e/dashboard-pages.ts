// Helpers for the dashboard's browser tests: demo data through the real `baton demo-traffic`
// command, signing in as the demo supervisor, and an axe-core accessibility check.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { postgresAdmin, postgresDatabaseUrl } from '../helpers/databases.ts';

export const SUPERVISOR = { email: 'riley@example.com', password: 'baton-demo' };
export const ADMIN = { email: 'morgan@example.com', password: 'baton-demo' };

export interface Account {
  readonly email: string;
  readonly password: string;
}

/** Runs `baton demo-traffic` into a fresh SQLite database; returns its path. */
export function demoTrafficDatabase(days = 3, perDay = 60): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-demo-traffic-'));
  demoTraffic(days, perDay, { BATON_DATA_DIR: dir, DATABASE_URL: '' });
  return path.join(dir, 'baton.db');
}

/** A database `baton demo-traffic` filled, on one engine, and how to remove it. */
export interface DemoTrafficDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Runs `baton demo-traffic` into a fresh database of the engine: a SQLite file, or a
 * PostgreSQL database of its own (the command reaches it by DATABASE_URL alone).
 */
export async function demoTrafficOn(
  engine: 'sqlite' | 'postgres',
  days = 3,
  perDay = 60,
): Promise<DemoTrafficDatabase> {
  if (engine === 'sqlite') {
    const file = demoTrafficDatabase(days, perDay);
    return { url: file, drop: async () => rmSync(path.dirname(file), { recursive: true }) };
  }
  const name = `demo_traffic_${randomBytes(5).toString('hex')}`;
  await postgresAdmin(`create database ${name}`);
  const url = postgresDatabaseUrl(name);
  const drop = () => postgresAdmin(`drop database if exists ${name} with (force)`);
  try {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-demo-traffic-'));
    demoTraffic(days, perDay, { BATON_DATA_DIR: dir, DATABASE_URL: url });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

function demoTraffic(days: number, perDay: number, database: Record<string, string>): void {
  execFileSync(
    process.execPath,
    [
      path.resolve('bin/baton.mjs'),
      'demo-traffic',
      '--days',
      String(days),
      '--per-day',
      String(perDay),
    ],
    {
      env: {
        ...process.env,
        ...database,
        BATON_WEB_ROOT: 'no-web',
        BATON_DEMO_PASSWORD: SUPERVISOR.password,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

/** A new browser context signed in to the dashboard (as the demo supervisor unless told). */
export async function openDashboard(
  browser: Browser,
  baseUrl: string,
  tab: string,
  account: Account = SUPERVISOR,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dashboard/#${tab}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tablist', { name: 'Dashboard sections' }).waitFor();
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline
  // scripts) stays in force for the page itself, as in production.
  await page.evaluate(readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: unknown[];
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
