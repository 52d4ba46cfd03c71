/** Row level security: policies need RLS enabled, and each command takes only the clauses PostgreSQL allows. */
import { objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding, warning } from "./finding.js";

export const checkPolicies = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((t) => {
    const tablePath = objectPath(t.schema, t.name);
    const policies = t.policies ?? [];
    const findings: Finding[] = [];
    if (policies.length > 0 && !t.rowLevelSecurity) {
      for (const p of policies) {
        findings.push(
          error(
            "policy-without-rls",
            objectPath(tablePath, p.name),
            `policy ${p.name} is on ${tablePath}, whose row level security is not enabled, so the policy would have no effect`,
            `set rowLevelSecurity: "enabled" (or "forced") on ${tablePath}`,
          ),
        );
      }
    }
    if (t.rowLevelSecurity && policies.length === 0) {
      findings.push(
        warning(
          "rls-without-policies",
          tablePath,
          `row level security is ${t.rowLevelSecurity} on ${tablePath} but it has no policies: every role except the owner${t.rowLevelSecurity === "forced" ? " (and, forced, the owner too)" : ""} sees no rows`,
          "add a policy, or do not enable row level security",
        ),
      );
    }
    for (const p of policies) {
      const path = objectPath(tablePath, p.name);
      const command = p.command ?? "all";
      if (command === "insert" && p.using !== undefined) {
        findings.push(
          error(
            "policy-clause",
            path,
            `policy ${p.name} is FOR INSERT but has USING; INSERT policies only take WITH CHECK`,
            "move the condition to withCheck",
          ),
        );
      }
      if ((command === "select" || command === "delete") && p.withCheck !== undefined) {
        findings.push(
          error(
            "policy-clause",
            path,
            `policy ${p.name} is FOR ${command.toUpperCase()} but has WITH CHECK, which only applies to INSERT/UPDATE`,
            "move the condition to using",
          ),
        );
      }
      if (p.using === undefined && p.withCheck === undefined) {
        findings.push(
          error(
            "policy-clause",
            path,
            `policy ${p.name} has neither USING nor WITH CHECK`,
            "give it a using and/or withCheck expression",
          ),
        );
      }
    }
    return findings;
  });
