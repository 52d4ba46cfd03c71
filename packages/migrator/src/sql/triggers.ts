import type { QualifiedName, Trigger, TriggerEvent } from "@platform/schema";
import { quoteIdent, quoteIdentList, quoteLiteral, quoteQualified } from "./quote.js";

const EVENT_ORDER = ["insert", "update", "delete", "truncate"] as const satisfies readonly TriggerEvent[];

const events = (trigger: Trigger): string =>
  EVENT_ORDER.filter((event) => trigger.events.includes(event))
    .map((event) =>
      event === "update" && trigger.updateOf && trigger.updateOf.length > 0
        ? `UPDATE OF ${quoteIdentList(trigger.updateOf)}`
        : event.toUpperCase(),
    )
    .join(" OR ");

/**
 * Trigger arguments are string constants (PostgreSQL passes them to the function as `TG_ARGV`).
 * `orReplace` (PostgreSQL 14+) swaps an existing trigger's definition under one lock.
 *
 * @example
 * createTrigger({ schema: "data_platform", name: "documents" }, { name: "documents_tsv", timing: "before", events: ["insert", "update"], level: "row", function: { schema: "data_platform", name: "documents_tsv_update" } })
 * // CREATE TRIGGER documents_tsv BEFORE INSERT OR UPDATE ON data_platform.documents FOR EACH ROW EXECUTE FUNCTION data_platform.documents_tsv_update();
 */
export const createTrigger = (
  table: QualifiedName,
  trigger: Trigger,
  options: { readonly orReplace?: boolean } = {},
): string =>
  `CREATE ${options.orReplace ? "OR REPLACE " : ""}TRIGGER ${quoteIdent(trigger.name)} ${trigger.timing.toUpperCase()} ${events(trigger)} ON ${quoteQualified(
    table,
  )} FOR EACH ${trigger.level.toUpperCase()}${
    trigger.when !== undefined ? ` WHEN (${trigger.when})` : ""
  } EXECUTE FUNCTION ${quoteQualified(trigger.function)}(${(trigger.args ?? []).map(quoteLiteral).join(", ")});`;

export const dropTrigger = (table: QualifiedName, name: string): string =>
  `DROP TRIGGER ${quoteIdent(name)} ON ${quoteQualified(table)};`;

export const renameTrigger = (table: QualifiedName, from: string, to: string): string =>
  `ALTER TRIGGER ${quoteIdent(from)} ON ${quoteQualified(table)} RENAME TO ${quoteIdent(to)};`;
