/**
 * `lowerRelationShapes` (what `migrate types` lowers) gives exactly the tables, views, enums and domains
 * of the full lowering, field for field and key for key, for every declaration set the tests have: the
 * platform, the sample, and every hostile case (broken declarations still have shapes).
 */
import { describe, expect, it } from "vitest";
import { hostileCases } from "../../../fixtures/hostile/cases.js";
import {
  type Catalog,
  type DeclarationInput,
  lowerDeclarations,
  lowerRelationShapes,
  platformDeclarations,
  platformRelationShapes,
  type RelationShapes,
} from "../src/index.js";
import * as sample from "./fixtures/sample.js";

/** JSON that keeps what JSON.stringify hides: keys whose value is `undefined`. */
const exact = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v === undefined ? "<undefined>" : v), 1);

/** The shapes part of a full Catalog, keys in the order the shapes have them. */
const shapesOf = (catalog: Catalog): RelationShapes => ({
  tables: catalog.tables.map((t) => ({
    schema: t.schema,
    name: t.name,
    columns: t.columns,
    ...(t.primaryKey ? { primaryKey: { columns: t.primaryKey.columns } } : {}),
    ...(t.comment !== undefined ? { comment: t.comment } : {}),
  })),
  views: catalog.views.map((v) => ({
    schema: v.schema,
    name: v.name,
    ...(v.materialized !== undefined ? { materialized: v.materialized } : {}),
    definition: v.definition,
    ...(v.columns !== undefined ? { columns: v.columns } : {}),
    ...(v.comment !== undefined ? { comment: v.comment } : {}),
  })),
  enums: catalog.enums,
  domains: catalog.domains,
});

const expectSameShapes = (...inputs: readonly DeclarationInput[]): void => {
  expect(exact(lowerRelationShapes(...inputs))).toBe(exact(shapesOf(lowerDeclarations(...inputs).catalog)));
};

describe("lowerRelationShapes equals the full lowering's tables, views, enums and domains", () => {
  it("for the platform", () => {
    expect(exact(platformRelationShapes())).toBe(exact(shapesOf(lowerDeclarations(...platformDeclarations).catalog)));
  });

  it("for the sample declarations", () => {
    expectSameShapes(sample);
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))("for the hostile case %s", (_name, hostile) => {
    expectSameShapes(...hostile.declare());
  });
});
