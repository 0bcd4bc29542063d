import type { AcceptRule } from '../config/config-file.ts';
import type { CheckResult, Finding } from '../checks/result.ts';

/** A finding the site accepts, with the rule (its place in the setting `accept`) that accepts it, and why. */
export interface AcceptedFinding {
  check: string;
  message: string;
  rule: number;
  why: string;
}

/** A check's result split: what fails the test, and what the site's rules accept. */
export interface SplitResult {
  failing: CheckResult;
  accepted: AcceptedFinding[];
}

const compiled = new Map<string, RegExp>();
const patternOf = (source: string): RegExp => {
  let pattern = compiled.get(source);
  if (pattern === undefined) compiled.set(source, (pattern = new RegExp(source, 'u')));
  return pattern;
};

/** The first rule of `rules` that accepts a finding of `check`, or -1. */
function acceptingRule(check: string, finding: Finding, rules: readonly AcceptRule[]): number {
  return rules.findIndex((rule) => rule.check === check && patternOf(rule.finding).test(finding.message));
}

/** Splits a check's findings into those that fail the page and those the site accepts. */
export function splitAccepted(check: string, result: CheckResult, rules: readonly AcceptRule[]): SplitResult {
  if (rules.length === 0 || result.findings.length === 0) return { failing: result, accepted: [] };
  const failing: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of result.findings) {
    const rule = acceptingRule(check, finding, rules);
    if (rule < 0) failing.push(finding);
    else accepted.push({ check, message: finding.message, rule, why: rules[rule]?.why ?? '' });
  }
  return { failing: { ...result, findings: failing }, accepted };
}
