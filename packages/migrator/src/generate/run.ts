import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Catalog } from "@platform/schema";
import type { Output } from "../cli/output.js";
import { defaultMigrationsDir } from "../cli/repo.js";
import { type ExitCode, MigratorError } from "../errors/index.js";
import { generateMigration, renderGenerateResult } from "./generate.js";

export interface RunGenerateOptions {
  readonly name: string;
  readonly migrationsDir?: string;
  /** default: `<migrationsDir>/meta` */
  readonly snapshotDir?: string;
  /** a Catalog as JSON; default: the platform declarations (`platformCatalog()`) */
  readonly catalogFile?: string;
  readonly allowDestructive?: boolean;
  readonly dryRun?: boolean;
}

/** The `generate` command's work, callable without the CLI. Errors are `MigratorError`s (rendered by the CLI). */
export const runGenerate = async (options: RunGenerateOptions, output: Output): Promise<ExitCode> => {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const declared = await loadDeclared(options.catalogFile);
  const result = await generateMigration({
    declared,
    migrationsDir,
    snapshotDir: options.snapshotDir ?? join(migrationsDir, "meta"),
    name: options.name,
    allowDestructive: options.allowDestructive ?? false,
    dryRun: options.dryRun ?? false,
  });
  if (output.json) {
    output.document(
      result.status === "no-changes"
        ? { command: "generate", status: "no-changes" }
        : {
            command: "generate",
            status: "generated",
            dryRun: options.dryRun ?? false,
            files: result.files.map((f) => f.path),
            snapshot: result.snapshot.path,
            steps: result.plan.steps.length,
            hazards: result.hazards,
          },
    );
  } else {
    if (options.dryRun && result.status === "generated") {
      for (const f of result.files) output.line(`-- ${f.path}\n${f.contents}`);
    }
    output.line(renderGenerateResult(result).replace(/^wrote /gm, options.dryRun ? "would write " : "wrote "));
  }
  return 0;
};

const loadDeclared = async (file: string | undefined): Promise<Catalog> => {
  if (file === undefined) {
    const { platformCatalog } = await import("@platform/schema");
    return platformCatalog();
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    throw new MigratorError({
      code: "catalog_unreadable",
      path: file,
      message: `cannot read the Catalog JSON ${file}: ${(cause as Error).message}`,
      fix: "pass a file written from a Catalog (JSON.stringify(catalog)) or omit --catalog for the platform",
      exitCode: 2,
      cause,
    });
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MigratorError({
      code: "catalog_invalid",
      path: `${file}${issue ? `:${issue.path.join(".")}` : ""}`,
      message: `${file} is not a Catalog: ${issue?.message ?? "invalid"}`,
      fix: "fix the file so it matches the Catalog model (packages/schema/src/catalog/model.ts)",
      exitCode: 2,
    });
  }
  return parsed.data;
};
