import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Catalog, platformCatalog } from "@platform/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTypes } from "../../packages/migrator/src/codegen/index.js";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";
import { fixtureCatalog } from "../../packages/migrator/test/codegen/fixture-catalog.js";
import { availableProviderNames, createTestDatabase, matchesSelector, type TestDatabase } from "../support/index.js";
import { type ColumnShape, columnShape, readTypesModel, type TypesModel } from "./codegen-model.js";

/**
 * kysely-codegen reads a live database; we read the Catalog. Both are run on the same catalog (the
 * database is built from it by the SQL emitter) and must describe the same relations, columns,
 * nullability and types. Every place where ours differs on purpose is a named rule below; the test
 * fails on any other difference and on a rule that no longer matches anything.
 */
interface Difference {
  readonly name: string;
  readonly why: string;
  /** true when `theirs` → `ours` is this intended difference */
  readonly explains: (theirs: ColumnShape, ours: ColumnShape) => boolean;
}

const sameButBase = (theirs: ColumnShape, ours: ColumnShape): boolean =>
  theirs.wrapper === ours.wrapper && theirs.nullable === ours.nullable;

const intendedDifferences: readonly Difference[] = [
  {
    name: "vector-as-number-array",
    why: "createDb registers pgvector's parsers and serialises number[] on write; kysely-codegen sees an unknown type and says string",
    explains: (theirs, ours) => sameButBase(theirs, ours) && theirs.base === "string" && ours.base === "number[]",
  },
  {
    name: "interval-as-string",
    why: "createDb keeps interval as PostgreSQL's text on pg and PGlite alike; kysely-codegen types pg's PostgresInterval object",
    explains: (theirs, ours) => sameButBase(theirs, ours) && theirs.base === "Interval" && ours.base === "string",
  },
  {
    name: "generated-always-not-writable",
    why: "GENERATED ALWAYS identity and stored generated columns reject writes, so ours are never insertable or updatable",
    explains: (theirs, ours) =>
      theirs.wrapper === "Generated" &&
      ours.wrapper === "GeneratedAlways" &&
      theirs.nullable === ours.nullable &&
      theirs.base === ours.base,
  },
  {
    name: "enum-array-spelling",
    why: "ArrayType<E> of a plain union is E[]; ours writes the array directly",
    explains: (theirs, ours) =>
      sameButBase(theirs, ours) && theirs.base === `ArrayType<${ours.base.replace(/\[\]$/, "")}>`,
  },
];

interface Comparison {
  readonly unexplained: string[];
  readonly used: Map<string, string[]>;
}

const compare = (theirs: TypesModel, ours: TypesModel): Comparison => {
  const unexplained: string[] = [];
  const used = new Map<string, string[]>();
  for (const [key, theirName] of theirs.relations) {
    const ourName = ours.relations.get(key);
    if (ourName !== theirName) {
      unexplained.push(`${key}: interface ${theirName} vs ours ${ourName ?? "(missing)"}`);
      continue;
    }
    const theirColumns = theirs.interfaces.get(theirName) ?? new Map();
    const ourColumns = ours.interfaces.get(theirName) ?? new Map();
    for (const column of new Set([...theirColumns.keys(), ...ourColumns.keys()])) {
      const t = theirColumns.get(column);
      const o = ourColumns.get(column);
      const path = `${key}.${column}`;
      if (t === undefined || o === undefined) {
        unexplained.push(`${path}: ${t === undefined ? "only ours" : "only kysely-codegen's"}`);
        continue;
      }
      if (t === o) continue;
      const rule = intendedDifferences.find((d) => d.explains(columnShape(t), columnShape(o)));
      if (rule) used.set(rule.name, [...(used.get(rule.name) ?? []), path]);
      else unexplained.push(`${path}: kysely-codegen ${t}, ours ${o}`);
    }
  }
  for (const key of ours.relations.keys()) {
    if (!theirs.relations.has(key)) unexplained.push(`${key}: only ours`);
  }
  for (const [name, values] of theirs.unions) {
    const mine = ours.unions.get(name);
    if (mine && JSON.stringify([...mine].sort()) !== JSON.stringify([...values].sort())) {
      unexplained.push(`enum ${name}: kysely-codegen ${values.join("|")}, ours ${mine.join("|")}`);
    }
    if (!mine) unexplained.push(`enum ${name}: only kysely-codegen's`);
  }
  return { unexplained, used };
};

const kyselyCodegen = async (url: string, dir: string): Promise<string> => {
  const out = join(dir, "kysely-codegen.d.ts");
  const bin = join(import.meta.dirname, "../../node_modules/kysely-codegen/dist/cli/bin.js");
  await promisify(execFile)(process.execPath, [
    bin,
    "--dialect",
    "postgres",
    "--url",
    url,
    "--out-file",
    out,
    "--log-level",
    "error",
  ]);
  return readFileSync(out, "utf8");
};

const cases: readonly (readonly [string, string, () => Catalog, readonly string[]])[] = [
  [
    "the codegen fixture",
    "pglite-socket",
    () => fixtureCatalog,
    ["vector-as-number-array", "interval-as-string", "generated-always-not-writable", "enum-array-spelling"],
  ],
  ["the platform", "pglite-socket", () => platformCatalog(), ["vector-as-number-array"]],
  ["the platform without pgvector", "native", () => platformCatalog({ vector: false }), []],
];

const available = availableProviderNames();

describe.each(cases)(
  "kysely-codegen and generateTypes agree on %s (%s)",
  (_title, provider, catalog, expectedRules) => {
    if (!available.some((name) => matchesSelector(name, provider))) {
      const reason = `provider ${provider} is not available in this run (available: ${available.join(", ")})`;
      console.log(`[test databases] skipped kysely-codegen cross-check: ${reason}`);
      it.skip(reason, () => {});
      return;
    }
    let db: TestDatabase;
    let dir: string;
    let comparison: Comparison;
    let theirs: TypesModel;
    let ours: TypesModel;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "codegen-cross-check-"));
      db = await createTestDatabase(provider);
      await db.client.exec(emitCreateScript(catalog()));
      theirs = readTypesModel(await kyselyCodegen(db.url as string, dir));
      ours = readTypesModel(generateTypes(catalog()));
      comparison = compare(theirs, ours);
    });

    afterAll(async () => {
      await db?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("describes the same relations under the same interface names", () => {
      expect([...ours.relations.keys()].sort()).toEqual([...theirs.relations.keys()].sort());
      expect(ours.relations.size).toBeGreaterThan(3);
    });

    it("has no difference in columns, nullability or types beyond the named ones", () => {
      expect(comparison.unexplained).toEqual([]);
    });

    it("shows each intended difference where expected, and only those", () => {
      expect([...comparison.used.keys()].sort()).toEqual([...expectedRules].sort());
    });
  },
);
