import type { View } from "@platform/schema";
import { createView, dropView } from "../sql/views.js";
import { qpath, rel, reshapeId, roleId, schemaId } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { Planner } from "./step.js";

const refsOf = (refs: References, v: View): string[] =>
  [schemaId(v.schema), ...(v.dependsOn ?? []).map(rel), ...expressionRefs(refs, v.definition)].filter(
    (x) => x !== rel(v),
  );

/** The relations a view reads, as "shape" ids: a column change on them waits for the view's drop. */
const shapes = (v: View): string[] => (v.dependsOn ?? []).map(reshapeId);

export const planViewCreate: Planner<"view.create"> = ({ view }, ctx) => [
  {
    description: `create ${view.materialized ? "materialized view" : "view"} ${qpath(view)}`,
    statements: [createView(view)],
    creates: [rel(view)],
    needs: [...refsOf(ctx.refsTo, view), ...shapes(view)],
  },
];

export const planViewDrop: Planner<"view.drop"> = ({ view }, ctx) => [
  {
    description: `drop ${view.materialized ? "materialized view" : "view"} ${qpath(view)}`,
    statements: [dropView(view)],
    drops: [rel(view)],
    releases: [...refsOf(ctx.refsFrom, view), ...shapes(view), ...(view.grants ?? []).map((g) => roleId(g.grantee))],
  },
];

export const planViewReplace: Planner<"view.replace"> = ({ from, to }, ctx) => [
  {
    description: `replace view ${qpath(to)}`,
    statements: [createView(to, { orReplace: true })],
    creates: [rel(to)],
    needs: refsOf(ctx.refsTo, to),
    releases: refsOf(ctx.refsFrom, from),
  },
];
