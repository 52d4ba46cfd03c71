import { type QualifiedName, qualifiedPath, sortBy, type View } from "@platform/schema";
import { createIndex } from "./indexes.js";
import { topologicalSort } from "./order.js";
import { quoteQualified } from "./quote.js";

/** A definition whose last line ends in a `--` comment would swallow the `;`: put it on a line of its own. */
const terminator = (definition: string): string => (/--[^\n]*$/.test(definition) ? "\n;" : ";");

/**
 * A view or materialized view. A materialized view is created WITH DATA (in an empty database that is
 * instant; on a live one the planner decides). `orReplace` applies to plain views only: PostgreSQL has
 * no CREATE OR REPLACE MATERIALIZED VIEW.
 *
 * @example
 * createView({ schema: "monitoring", name: "daily_stats", materialized: true, definition: "SELECT 1 AS one" })
 * // CREATE MATERIALIZED VIEW monitoring.daily_stats AS
 * // SELECT 1 AS one
 * // WITH DATA;
 */
export const createView = (view: View, options: { readonly orReplace?: boolean } = {}): string =>
  view.materialized
    ? `CREATE MATERIALIZED VIEW ${quoteQualified(view)} AS\n${view.definition}\nWITH DATA;`
    : `CREATE ${options.orReplace ? "OR REPLACE " : ""}VIEW ${quoteQualified(view)} AS\n${view.definition}${terminator(view.definition)}`;

export const dropView = (view: QualifiedName & { readonly materialized?: boolean }): string =>
  `DROP ${view.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${quoteQualified(view)};`;

export const refreshMaterializedView = (
  view: QualifiedName,
  options: { readonly concurrently?: boolean } = {},
): string => `REFRESH MATERIALIZED VIEW ${options.concurrently ? "CONCURRENTLY " : ""}${quoteQualified(view)};`;

/**
 * Views in creation order: after the views they read (`dependsOn`), ties broken by `schema.name`.
 * Throws `DependencyCycleError` for views that read each other.
 */
export const orderViews = (views: readonly View[]): View[] =>
  topologicalSort(views, qualifiedPath, (view) => (view.dependsOn ?? []).map(qualifiedPath));

/** A view, then (for a materialized view) its indexes in name order, so a view that reads it finds them. */
export const createViewWithIndexes = (view: View): string[] => [
  createView(view),
  ...sortBy(view.indexes ?? [], (i) => i.name).map((index) => createIndex(view, index)),
];
