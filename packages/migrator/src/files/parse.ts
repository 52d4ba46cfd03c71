import { MigratorError } from "../errors/index.js";
import { checksumOf } from "./checksum.js";
import type { MigrationFile, MigrationSection } from "./migration-file.js";
import { splitStatements } from "./split-statements.js";

/**
 * A down section that says only this reverts by doing nothing (generate writes it where a migration's
 * part of a multi-file change has nothing of its own to undo). A down section that is empty or has other
 * comments only is one nobody wrote: the migration cannot be reverted.
 */
export const NOTHING_TO_UNDO = "-- nothing to undo";

export const MIGRATION_FILE_NAME = /^(\d+)_([A-Za-z0-9_]+)\.sql$/;

const DIRECTIVE = /^--\s*migrate:(\S*)(.*)$/;

/** Statements PostgreSQL refuses inside a transaction block. */
const NON_TRANSACTIONAL =
  /^(create (unique )?index concurrently|drop index concurrently|reindex .*concurrently|vacuum|create database|drop database|alter system|create tablespace|drop tablespace)\b/i;

interface RawSection {
  readonly kind: "up" | "down";
  readonly line: number;
  readonly transaction: boolean;
  readonly startIndex: number;
}

/**
 * Parses one migration file. Throws a `MigratorError` (exit 2) naming the file and line, the problem and the fix.
 *
 * @example parseMigrationFile("migrations/0001_init.sql", "-- migrate:up\ncreate table t (id int);\n")
 */
export const parseMigrationFile = (path: string, text: string): MigrationFile => {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const nameMatch = MIGRATION_FILE_NAME.exec(fileName);
  if (nameMatch === null) {
    throw fileError(
      path,
      undefined,
      `migration file name "${fileName}" does not have the form NNNN_name.sql`,
      "rename it, e.g. 0007_add_users.sql (digits, underscore, letters/digits/underscores)",
    );
  }
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n/g, "\n")
    .split("\n");
  const sections = findSections(path, lines);
  const up = sections.find((section) => section.kind === "up");
  if (up === undefined) {
    throw fileError(
      path,
      1,
      "has no `-- migrate:up` section",
      "start the file with a line `-- migrate:up` followed by the SQL to apply",
    );
  }
  const down = sections.find((section) => section.kind === "down");
  const upEnd = down === undefined ? lines.length : down.startIndex;
  const upSection = toSection(up, lines.slice(up.startIndex + 1, upEnd));
  if (splitStatements(upSection.sql).length === 0) {
    throw fileError(
      path,
      up.line,
      "the up section contains no SQL",
      "write the statements to apply after `-- migrate:up`",
    );
  }
  checkTransactionMode(path, upSection, "up");
  const downSection = down === undefined ? undefined : toSection(down, lines.slice(down.startIndex + 1));
  const hasDown =
    downSection !== undefined &&
    (splitStatements(downSection.sql).length > 0 || downSection.sql.trim() === NOTHING_TO_UNDO);
  if (hasDown) checkTransactionMode(path, downSection, "down");
  const [, version = "", name = ""] = nameMatch;
  return {
    name: `${version}_${name}`,
    version,
    path,
    up: upSection,
    ...(hasDown ? { down: downSection } : {}),
    checksum: checksumOf(lines.slice(up.startIndex, upEnd).join("\n")),
  };
};

const findSections = (path: string, lines: readonly string[]): readonly RawSection[] => {
  const sections: RawSection[] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line.trim());
    if (match === null) {
      if (sections.length === 0 && line.trim() !== "" && !line.trim().startsWith("--")) {
        throw fileError(
          path,
          index + 1,
          "has SQL before the `-- migrate:up` line; it would never run",
          "move it below `-- migrate:up`",
        );
      }
      return;
    }
    const [, kind = "", rest = ""] = match;
    if (kind !== "up" && kind !== "down") {
      throw fileError(
        path,
        index + 1,
        `unknown directive "-- migrate:${kind}"`,
        "use `-- migrate:up` or `-- migrate:down` (optionally followed by transaction:false)",
      );
    }
    if (sections.some((section) => section.kind === kind)) {
      throw fileError(
        path,
        index + 1,
        `has a second \`-- migrate:${kind}\` section`,
        "merge the two sections into one",
      );
    }
    if (kind === "down" && sections.length === 0) {
      throw fileError(path, index + 1, "has `-- migrate:down` before `-- migrate:up`", "put the up section first");
    }
    sections.push({ kind, line: index + 1, transaction: parseOptions(path, index + 1, rest), startIndex: index });
  });
  return sections;
};

const parseOptions = (path: string, line: number, rest: string): boolean => {
  let transaction = true;
  for (const option of rest
    .trim()
    .split(/\s+/)
    .filter((token) => token !== "")) {
    const match = /^transaction:(true|false)$/.exec(option);
    if (match === null) {
      throw fileError(
        path,
        line,
        `unknown option "${option}" on the directive`,
        "the only option is transaction:false (or transaction:true, the default)",
      );
    }
    transaction = match[1] === "true";
  }
  return transaction;
};

const toSection = (raw: RawSection, body: readonly string[]): MigrationSection => ({
  // Leading blank lines are kept so that line N of `sql` is line `line + N` of the file (error positions).
  sql: body.join("\n").trimEnd(),
  transaction: raw.transaction,
  line: raw.line,
});

/** Transaction control inside a transactional section would commit half a migration behind the runner's back. */
const TRANSACTION_CONTROL = /^(begin|start transaction|commit|rollback|end transaction|abort)\b(?! atomic)/i;

const checkTransactionMode = (path: string, section: MigrationSection, kind: "up" | "down"): void => {
  if (!section.transaction) return;
  const statements = splitStatements(section.sql);
  const control = statements.find((statement) => TRANSACTION_CONTROL.test(statement.code));
  if (control !== undefined) {
    throw fileError(
      path,
      section.line + control.line,
      `has "${control.code.slice(0, 40)}" in its ${kind} section, which already runs in a transaction of its own`,
      "remove the BEGIN/COMMIT lines: the runner wraps each migration in one transaction (or write transaction:false)",
    );
  }
  const offender = statements.find((statement) => NON_TRANSACTIONAL.test(statement.code));
  if (offender !== undefined) {
    throw fileError(
      path,
      section.line + offender.line,
      `"${offender.code.slice(0, 60)}" cannot run inside a transaction, but the ${kind} section runs in one`,
      `write \`-- migrate:${kind} transaction:false\` and keep that section re-runnable (IF NOT EXISTS / IF EXISTS)`,
    );
  }
};

const fileError = (path: string, line: number | undefined, problem: string, fix: string): MigratorError =>
  new MigratorError({
    code: "migration_file_invalid",
    path: line === undefined ? path : `${path}:${line}`,
    message: `migration file ${path} ${problem}`,
    fix,
    exitCode: 2,
  });
