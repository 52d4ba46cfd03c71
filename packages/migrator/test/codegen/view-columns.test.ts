import { type Catalog, emptyCatalog, type View } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { viewColumns } from "../../src/codegen/view-columns.js";

const catalog = (views: View[]): Catalog => ({
  ...emptyCatalog(),
  tables: [
    {
      schema: "monitoring",
      name: "metrics",
      columns: [
        { name: "recorded_at", type: "timestamp with time zone", notNull: true },
        { name: "node_id", type: "text", notNull: true },
        { name: "sys_mem_mb", type: "integer" },
        { name: "load", type: "double precision" },
        { name: "label", type: "character varying(40)" },
      ],
    },
    {
      schema: "public",
      name: "nodes",
      columns: [
        { name: "id", type: "text", notNull: true },
        { name: "region", type: "text" },
      ],
    },
  ],
  views,
});

const columnsOf = (definition: string, extra: View[] = []) => {
  const view: View = { schema: "monitoring", name: "v", definition };
  const result = viewColumns(catalog([view, ...extra])).get(view);
  return result?.ok ? result.columns.map((c) => `${c.name} ${c.type}`) : result?.reason;
};

describe("viewColumns (types of a view read from its SELECT)", () => {
  it("follows aliases through joins and keeps declared modifiers", () => {
    expect(
      columnsOf(
        "SELECT m.node_id, n.region AS where_, m.label FROM monitoring.metrics m JOIN nodes AS n ON n.id = m.node_id",
      ),
    ).toEqual(["node_id text", "where_ text", "label character varying(40)"]);
  });

  it("types casts, AT TIME ZONE and aggregates as PostgreSQL does", () => {
    expect(
      columnsOf(`SELECT (m.recorded_at AT TIME ZONE 'UTC')::date AS day,
        m.recorded_at AT TIME ZONE 'UTC' AS local_time,
        count(*) AS samples, count(DISTINCT m.node_id),
        avg(m.sys_mem_mb) AS avg_mem, avg(m.load) AS avg_load,
        sum(m.sys_mem_mb) AS total, max(m.label) AS last_label,
        date_trunc('hour', m.recorded_at) AS hour
        FROM monitoring.metrics m GROUP BY 1, 2`),
    ).toEqual([
      "day date",
      "local_time timestamp without time zone",
      "samples bigint",
      "count bigint",
      "avg_mem numeric",
      "avg_load double precision",
      "total bigint",
      "last_label character varying(40)",
      "hour timestamp with time zone",
    ]);
  });

  it("reads a view built on another view", () => {
    const base: View = {
      schema: "monitoring",
      name: "base",
      definition: "SELECT node_id, avg(load) AS load FROM monitoring.metrics GROUP BY node_id",
    };
    expect(columnsOf("SELECT b.load FROM monitoring.base b", [base])).toEqual(["load double precision"]);
  });

  it("prefers declared columns over inference", () => {
    const view: View = {
      schema: "monitoring",
      name: "v",
      definition: "SELECT * FROM monitoring.metrics",
      columns: [{ name: "node_id", type: "text", notNull: true }],
    };
    expect(viewColumns(catalog([view])).get(view)).toEqual({ ok: true, columns: view.columns });
  });

  it.each([
    ["SELECT * FROM monitoring.metrics", "SELECT * is not read"],
    ["SELECT node_id FROM (SELECT node_id FROM monitoring.metrics) s", "cannot read the FROM item"],
    ["SELECT m.node_id FROM monitoring.missing m", "FROM names monitoring.missing, which the Catalog does not declare"],
    ["SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY load) AS p FROM monitoring.metrics", "cannot infer the type"],
    ["VALUES (1)", "not a plain SELECT"],
  ])("refuses %s, saying why", (definition, reason) => {
    expect(columnsOf(definition)).toContain(reason);
  });
});
