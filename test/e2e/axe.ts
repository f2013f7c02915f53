// axe-core in the page under test: the serious and critical violations of what it shows now.
// The page must be opened with `bypassCSP: true` so the script tag may be injected.

import type { Page } from 'playwright-core';

const AXE = 'node_modules/axe-core/axe.min.js';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown }> } })
      .axe;
    return (await axe.run()).violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
