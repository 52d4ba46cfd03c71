import { resolve } from "node:path";
import type { Catalog } from "@platform/schema";
import type { TargetOutcome } from "../cli/on-targets.js";
import type { Output } from "../cli/output.js";
import { defaultMigrationsDir } from "../cli/repo.js";
import type { SqlClient } from "../db/client.js";
import type { ExitCode, Finding } from "../errors/index.js";
import type { AfterUpCheck } from "../runner/after-up.js";
import { type DeclarationsSource, declarationsSourceOf, loadDeclarations, PLATFORM_AUTO } from "./declarations.js";
import type { Drift } from "./drift.js";
import { driftDocument, driftHeadline, renderDrift } from "./format.js";
import { verify } from "./verify.js";

interface VerifyResult {
  readonly database: string;
  readonly drift: readonly Drift[];
  readonly exitCode: ExitCode;
}

/**
 * `migrate verify`: each target database against its declarations. Exit 0 clean, 1 drift, 2 usage or
 * connection errors. A module given with `--declarations` is loaded once, while the first connection
 * opens and the server reads its catalogs (validating a large file and the server's work overlap); a
 * file that cannot be loaded is the one error reported, whatever the databases did meanwhile.
 */
export const runVerify = async (options: Readonly<Record<string, unknown>>, output: Output): Promise<ExitCode> => {
  const { onTargets } = await import("../cli/on-targets.js");
  const source = declarationsSourceOf(options);
  const fixed = source.kind === "module" ? loadDeclarations(source) : undefined;
  fixed?.catch(() => undefined);
  const expressions = options.textOnly === true ? ("text" as const) : ("server" as const);
  const { outcomes, exitCode } = await onTargets(options, output, async ({ client }): Promise<VerifyResult> => {
    const drift = await verify(client, fixed ?? loadDeclarations(source, client), { expressions });
    return { database: client.label, drift, exitCode: drift.length === 0 ? 0 : 1 };
  });
  if (fixed !== undefined) await fixed;
  printOutcomes(outcomes, exitCode, output, options.markdown === true);
  return exitCode;
};

const printOutcomes = (
  outcomes: readonly TargetOutcome<VerifyResult>[],
  exitCode: ExitCode,
  output: Output,
  markdown: boolean,
): void => {
  if (output.json) {
    output.document({
      command: "verify",
      exitCode,
      results: outcomes.map((o) =>
        o.ok
          ? { ...driftDocument(o.result.database, o.result.drift), exitCode: o.exitCode }
          : { database: o.target, exitCode: o.exitCode, error: o.error },
      ),
    });
    return;
  }
  for (const o of outcomes) {
    if (!o.ok) output.finding(o.error);
    else output.line(renderDrift(markdown ? "markdown" : "text", o.result.database, o.result.drift, output.palette));
  }
};

/** Drift as the runner's findings, so `up` reports it with its own and exits 1. */
export const driftFindings = (drift: readonly Drift[]): Finding[] =>
  drift.map((d) => ({
    code: `drift_${d.code}`,
    severity: "error",
    path: d.path,
    message: `drift after up: ${driftHeadline(d)}`,
    fix: d.fix,
  }));

/**
 * The check `migrate up` runs after applying: the platform declarations in the variant the server can hold
 * (see `DeclarationsSource`), or what `source` names.
 */
export const verifyAfterUpWith =
  (source: DeclarationsSource = PLATFORM_AUTO): AfterUpCheck =>
  async (client: SqlClient) => {
    const declared: Catalog = await loadDeclarations(source, client);
    return driftFindings(await verify(client, declared));
  };

/** `up`'s default after-up check. */
export const verifyAfterUp: AfterUpCheck = verifyAfterUpWith();

/** The after-up check for `up`'s options (see `AfterUpEntry` in cli/after-up.ts). */
export const verifyAfterUpFor = (options: Readonly<Record<string, unknown>>): AfterUpCheck => {
  const source = declarationsSourceOf(options);
  if (source.kind === "platform" && typeof options.migrationsDir === "string") {
    if (resolve(options.migrationsDir) !== defaultMigrationsDir()) return async () => [];
  }
  return verifyAfterUpWith(source);
};
