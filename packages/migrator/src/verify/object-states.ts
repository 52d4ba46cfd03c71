import type { Catalog } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { quoteIdent } from "../sql/quote.js";
import type { Drift } from "./drift.js";

interface StateRow {
  kind: "trigger" | "index";
  schema: string;
  relation: string;
  name: string;
  state: string;
}

/**
 * States the Catalog does not model but that break a declared object all the same: a trigger that was
 * disabled (`ALTER TABLE ... DISABLE TRIGGER`: the function no longer runs) and an index left INVALID
 * (an interrupted `CREATE INDEX CONCURRENTLY`: it is maintained but never used). One query.
 */
export const objectStates = async (client: SqlClient, declared: Catalog): Promise<Drift[]> => {
  const tables = declared.tables.map((t) => `${t.schema}.${t.name}`);
  if (tables.length === 0) return [];
  const { rows } = await client.query<StateRow>(
    `SELECT 'trigger' AS kind, n.nspname AS schema, c.relname AS relation, t.tgname AS name, t.tgenabled::text AS state
       FROM pg_catalog.pg_trigger t
       JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'O' AND t.tgparentid = 0
        AND (n.nspname || '.' || c.relname) = ANY($1::text[])
     UNION ALL
     SELECT 'index', n.nspname, c.relname, i.relname, 'invalid'
       FROM pg_catalog.pg_index x
       JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
       JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT x.indisvalid AND (n.nspname || '.' || c.relname) = ANY($1::text[])
      ORDER BY 1, 2, 3, 4`,
    [tables],
  );
  return rows.map((r): Drift => {
    const path = `${r.schema}.${r.relation}.${r.name}`;
    const table = `${quoteIdent(r.schema)}.${quoteIdent(r.relation)}`;
    return r.kind === "trigger"
      ? {
          code: "trigger_disabled",
          kind: "changed",
          object: "trigger",
          path,
          message: `trigger is ${TRIGGER_STATES[r.state] ?? `in state ${r.state}`}; it is declared enabled`,
          expected: "ENABLE",
          actual: TRIGGER_STATES[r.state] ?? r.state,
          fix: `ALTER TABLE ${table} ENABLE TRIGGER ${quoteIdent(r.name)};`,
        }
      : {
          code: "index_invalid",
          kind: "changed",
          object: "index",
          path,
          message: "index is INVALID (an interrupted CREATE INDEX CONCURRENTLY?): it is maintained but never used",
          expected: "valid",
          actual: "invalid",
          fix: `REINDEX INDEX CONCURRENTLY ${quoteIdent(r.schema)}.${quoteIdent(r.name)};`,
        };
  });
};

const TRIGGER_STATES: Readonly<Record<string, string>> = {
  D: "DISABLED",
  R: "ENABLED REPLICA (fires only on replicas)",
  A: "ENABLED ALWAYS",
};
