/** `CREATE TRIGGER`: BEFORE/AFTER/INSTEAD OF, row or statement, events, UPDATE OF, WHEN. */
import type { Trigger, TriggerEvent } from "../catalog/model.js";
import type { ColumnLike } from "./column.js";
import type { FunctionHandle } from "./function.js";
import type { SqlExpression } from "./sql.js";

export interface TriggerSpec {
  readonly name: string;
  readonly timing: Trigger["timing"];
  readonly events: readonly TriggerEvent[];
  readonly updateOf?: readonly ColumnLike[];
  /** FOR EACH ROW or STATEMENT; PostgreSQL's default is statement */
  readonly level?: Trigger["level"];
  readonly when?: SqlExpression;
  /** a function returning `trigger` */
  readonly function: FunctionHandle;
  readonly args?: readonly string[];
  readonly comment?: string;
}

/**
 * @example
 * triggers: [trigger("documents_search_vector", {
 *   timing: "before", events: ["insert", "update"], level: "row", function: documentsSearchVector,
 * })]
 */
export const trigger = (name: string, spec: Omit<TriggerSpec, "name">): TriggerSpec => ({ name, ...spec });
