import type { Trigger, TriggerEvent } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { closingIndex, type Token, tokenize } from "../normalize/tokens.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
import { comment, list, opt } from "./optional.js";

interface TriggerRow {
  rel: string;
  name: string;
  type: number;
  definition: string;
  function_schema: string;
  function_name: string;
  update_of: string[] | null;
  args: string | null;
  comment: string | null;
}

/** pg_trigger.tgtype bits (TRIGGER_TYPE_* in PostgreSQL's pg_trigger.h) */
const ROW = 1;
const BEFORE = 2;
const INSTEAD = 64;
const EVENT_BITS: readonly (readonly [TriggerEvent, number])[] = [
  ["insert", 4],
  ["update", 16],
  ["delete", 8],
  ["truncate", 32],
];

/**
 * User triggers of tables, keyed by table oid. Left out: internal triggers (foreign keys), constraint
 * triggers, and the clones PostgreSQL puts on partitions (tgparentid).
 */
export const readTriggers = (ctx: IntrospectContext): Promise<Map<string, Trigger[]>> =>
  readStep("triggers", ctx, async () => {
    const rows = await queryRows<TriggerRow>(
      ctx,
      `SELECT t.tgrelid::text AS rel, t.tgname AS name, t.tgtype::int AS type,
              pg_catalog.pg_get_triggerdef(t.oid) AS definition,
              fn.nspname AS function_schema, f.proname AS function_name,
              (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum) AS update_of,
              CASE WHEN t.tgnargs > 0 THEN encode(t.tgargs, 'hex') END AS args,
              pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
       FROM pg_catalog.pg_trigger t
       JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
       JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
       WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND t.tgconstraint = 0
         AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userRelation("c")}
       ORDER BY t.tgrelid, t.tgname`,
      [ctx.namespaces],
    );
    const byTable = new Map<string, Trigger[]>();
    for (const r of rows) {
      const triggers = byTable.get(r.rel) ?? [];
      triggers.push(toTrigger(r));
      byTable.set(r.rel, triggers);
    }
    return byTable;
  });

/** tgargs: each argument NUL-terminated, read from hex so any byte survives. */
export const decodeTriggerArgs = (hex: string | null): string[] => {
  if (hex === null) return [];
  const parts = Buffer.from(hex, "hex").toString("utf8").split("\u0000");
  return parts.slice(0, -1);
};

/**
 * The WHEN condition as `pg_get_triggerdef` prints it: `... FOR EACH ROW WHEN ((new.x <> old.x)) EXECUTE ...`.
 * The tokenizer finds the keyword outside quoted names, so a trigger named "when" does not confuse it.
 */
export const triggerWhen = (definition: string): string | null => {
  const tokens = tokenize(definition);
  const at = tokens.findIndex(
    (t: Token, i) =>
      t.kind === "word" &&
      t.text.toUpperCase() === "WHEN" &&
      tokens[i + 1]?.kind === "punct" &&
      tokens[i + 1]?.text === "(",
  );
  if (at < 0) return null;
  const close = closingIndex(tokens, at + 1);
  const open = tokens[at + 1] as Token;
  const end = tokens[close] as Token | undefined;
  if (end === undefined || open.pos === undefined || end.pos === undefined) return null;
  return normalizeExpression(definition.slice(open.pos + 1, end.pos));
};

const toTrigger = (r: TriggerRow): Trigger => {
  const timing = (r.type & INSTEAD) !== 0 ? "instead of" : (r.type & BEFORE) !== 0 ? "before" : "after";
  return {
    name: r.name,
    timing,
    events: EVENT_BITS.filter(([, bit]) => (r.type & bit) !== 0).map(([event]) => event),
    ...list("updateOf", r.update_of),
    level: (r.type & ROW) !== 0 ? "row" : "statement",
    ...opt("when", triggerWhen(r.definition)),
    function: { schema: r.function_schema, name: r.function_name },
    ...list("args", decodeTriggerArgs(r.args)),
    ...comment(r.comment),
  };
};
