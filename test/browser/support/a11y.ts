import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails, listing each rule and the elements it found,
 * when any violation is serious or critical. Moderate and minor findings are not failures
 * (AXE_REPORT_ALL=1 prints them).
 */
export async function expectNoSeriousA11yViolations(page: Page, pageName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
  if (process.env.AXE_REPORT_ALL) {
    for (const v of results.violations.filter((v) => !blocking.includes(v))) {
      console.log(
        `axe (${v.impact}) on ${pageName}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }
  }
  if (!blocking.length) return;
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      ...and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(
    `axe found ${blocking.length} serious or critical violation(s) on ${pageName} (${page.url()}):\n${report}`,
  );
}

/** The WCAG 2.2 A and AA rules (colour contrast included), as axe tags them. */
export const WCAG22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe's WCAG 2.2 AA rule set on the page as it is now and fails on ANY violation, whatever
 * its impact, listing each rule and the elements it found.
 */
export async function expectNoWcagViolations(page: Page, pageName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG22_AA_TAGS).analyze();
  if (!results.violations.length) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      ...and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(
    `axe (WCAG 2.2 AA) found ${results.violations.length} violation(s) on ${pageName} (${page.url()}):\n${report}`,
  );
}
