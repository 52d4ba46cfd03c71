/**
 * Names that break naive code generation — quotes, spaces, upper case, reserved words (SQL and JavaScript),
 * CJK, emoji, `$`, backticks and `${` in SQL text — and schemas whose modules import each other.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { type Catalog, platformCatalog } from "@platform/schema";
import { expect, test } from "vitest";
import { HOSTILE_ROLE, hostileNamesCatalog } from "../../../../fixtures/catalogs/hostile-names.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog } from "../../src/normalize/index.js";
import { catalogToDeclarations } from "../../src/pull/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { comparable, createTestDatabase, describeOnProviders, writeDeclarations } from "./harness.js";

const REPO = join(import.meta.dirname, "../../../..");

/** The hostile fixture plus SQL text a JavaScript template literal would misread. */
const hostile: Catalog = {
  ...hostileNamesCatalog,
  functions: [
    ...hostileNamesCatalog.functions,
    {
      schema: "select",
      name: "class",
      args: [{ name: "x", type: "text" }],
      returns: "text",
      language: "sql",
      volatility: "immutable",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${` the generated sql template must escape
      body: "SELECT 'back`tick ${not interpolated} \\ backslash \\n' || x",
    },
  ],
};

const lowerPulled = async (catalog: Catalog): Promise<{ lowered: Catalog; files: Map<string, string> }> => {
  const files = catalogToDeclarations(catalog);
  const written = await writeDeclarations(files);
  try {
    return { lowered: await written.load(), files };
  } finally {
    await written.remove();
  }
};

test("hostile names: the pulled declarations lower to the same Catalog, partition template included", async () => {
  const { lowered, files } = await lowerPulled(hostile);
  expect(comparable(lowered)).toEqual(comparable(hostile));
  // comparable leaves out partition templates (a database does not record them); a declared Catalog has them
  expect(normalizeCatalog(lowered).tables.map((t) => t.partitionTemplate)).toEqual(
    normalizeCatalog(hostile).tables.map((t) => t.partitionTemplate),
  );
  // the two schemas' modules refer to each other (a foreign key one way, a domain type the other)
  expect([...files.keys()]).toEqual(["index.ts", "roles.ts", "select.ts", "upper-case.ts"]);
});

test("pulled modules are formatted as Biome formats them", () => {
  const pulled = [...catalogToDeclarations(hostile), ...catalogToDeclarations(platformCatalog())];
  const unformatted = pulled.filter(([path, source]) => {
    const result = spawnSync(
      join(REPO, "node_modules/.bin/biome"),
      ["format", `--stdin-file-path=packages/migrator/src/pull/${path}`],
      { cwd: REPO, input: source, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    return result.stdout !== source;
  });
  expect(unformatted.map(([path]) => path)).toEqual([]);
});

describeOnProviders("pull: hostile names read from a database", { providers: ["pglite"] }, (getDb) => {
  test("pulled from the database, lowered, emitted into a fresh database: the same database", async () => {
    const db = getDb();
    await db.client.exec(emitCreateScript(hostile));
    const roles = [HOSTILE_ROLE];
    const read = await introspect(db.client, { roles });
    expect(read.tables.length).toBe(hostile.tables.length);
    const { lowered } = await lowerPulled(read);
    expect(comparable(lowered)).toEqual(comparable(read));
    const copy = await createTestDatabase(db.provider);
    try {
      await copy.client.exec(emitCreateScript(lowered));
      expect(comparable(await introspect(copy.client, { roles }))).toEqual(comparable(read));
    } finally {
      await copy.drop();
    }
  });
});
