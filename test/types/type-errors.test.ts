import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The generated types reject wrong programs: each fixture below is a small file a service might
 * write, type-checked by `tsc --noEmit` against @platform/types (the platform's generated `DB`) and
 * against the codegen fixture's generated types. A correct file compiles clean; each wrong file
 * fails with exactly the errors listed, at the line marked `// ✗`.
 */
interface Fixture {
  readonly name: string;
  readonly source: string;
  /** TypeScript error code and a fragment of its message, for each line marked `// ✗`, in order */
  readonly errors: readonly (readonly [code: number, fragment: string])[];
}

const platformHeader = `import { createDb, type NewRow, type Row, type RowUpdate } from "@platform/types";
import { PGlite } from "@electric-sql/pglite";
const db = createDb({ pglite: new PGlite() });
`;
const fixtureHeader = `import { createTypedDb } from "@platform/types";
import { PGlite } from "@electric-sql/pglite";
import { columnCodecs, type DB } from "../../fixture-db.js";
const db = createTypedDb<DB>({ pglite: new PGlite() }, columnCodecs);
`;

const fixtures: readonly Fixture[] = [
  {
    name: "correct",
    source: `${platformHeader}
export async function service(): Promise<void> {
  const user: Row<"auth.users"> = await db.selectFrom("auth.users").selectAll().where("email", "=", "a@b.c").executeTakeFirstOrThrow();
  const joined: Date = user.created_at;
  const admin: NewRow<"auth.users"> = { username: "admin", email: "admin@example.com", password_hash: "$2b$12$x" };
  await db.insertInto("auth.users").values(admin).execute();
  const change: RowUpdate<"auth.users"> = { is_active: false, last_login: new Date() };
  await db.updateTable("auth.users").set(change).where("id", "=", user.id).execute();
  await db.insertInto("data_platform.text_embeddings").values({ embedding: [0.1, 0.2], text_content: "hi" }).execute();
  const near = await db.selectFrom("data_platform.text_embeddings").select(["id", "embedding"]).execute();
  const first: number[] | null | undefined = near[0]?.embedding;
  const stats = await db.selectFrom("monitoring.daily_stats").select(["day", "samples"]).execute();
  const samples: string | null | undefined = stats[0]?.samples;
  void joined; void first; void samples;
}
`,
    errors: [],
  },
  {
    name: "wrong-table",
    source: `${platformHeader}
export const q = db.selectFrom("auth.user").selectAll(); // ✗
`,
    errors: [[2345, "Argument of type '\"auth.user\"' is not assignable"]],
  },
  {
    name: "wrong-column",
    source: `${platformHeader}
export const q = db.selectFrom("auth.users").select(["id", "emial"]); // ✗
`,
    errors: [
      [2769, `Type '"emial"' is not assignable to type 'SelectExpression<DB, "auth.users">'. Did you mean '"email"'?`],
    ],
  },
  {
    name: "wrong-column-in-where",
    source: `${platformHeader}
export const q = db.selectFrom("auth.users").selectAll().where("user_name", "=", "x"); // ✗
`,
    errors: [
      [
        2345,
        `Argument of type '"user_name"' is not assignable to parameter of type 'ReferenceExpression<DB, "auth.users">'`,
      ],
    ],
  },
  {
    name: "wrong-value-type",
    source: `${platformHeader}
export const a = db.updateTable("auth.users").set({ is_active: "yes" }); // ✗
export const b = db.insertInto("data_platform.text_embeddings").values({ embedding: "[1,2]" }); // ✗
`,
    errors: [
      [2322, `Type 'string' is not assignable to type 'ValueExpression<DB, "auth.users", boolean> | undefined'`],
      [
        2322,
        `Type 'string' is not assignable to type 'ValueExpression<DB, "data_platform.text_embeddings", number[] | null>`,
      ],
    ],
  },
  {
    name: "missing-required-column",
    source: `${platformHeader}
export const q = db.insertInto("auth.users").values({ username: "x", email: "x@y.z" }); // ✗
`,
    errors: [[2345, "Property 'password_hash' is missing"]],
  },
  {
    name: "row-types",
    source: `${platformHeader}
declare const user: Row<"auth.users">;
export const id: number = user.id; // ✗
export const bad: Row<"auth.nobody"> = user; // ✗
`,
    errors: [
      [2322, "Type 'string' is not assignable to type 'number'"],
      [2344, '"auth.nobody"'],
    ],
  },
  {
    name: "generated-always",
    source: `${fixtureHeader}
export const a = db.insertInto("data_platform.text_embeddings").values({ id: 1, content: "c", embedding: [1, 2, 3] }); // ✗
export const b = db.updateTable("data_platform.text_embeddings").set({ content_length: 3 }); // ✗
export const ok = db.insertInto("data_platform.text_embeddings").values({ content: "c", embedding: [1, 2, 3] });
`,
    errors: [
      [2353, "'id' does not exist in type 'InsertExpression<DB, \"data_platform.text_embeddings\">'"],
      [2322, `Type 'number' is not assignable to type 'ValueExpression<DB, "data_platform.text_embeddings", never>`],
    ],
  },
  {
    name: "enum-values",
    source: `${fixtureHeader}
export const a = db.updateTable("auth.users").set({ status: "banned" }); // ✗
export const ok = db.updateTable("auth.users").set({ status: "disabled" });
`,
    errors: [
      [
        2322,
        `Type '"banned"' is not assignable to type 'ValueExpression<DB, "auth.users", "pending" | "active" | "disabled"> | undefined'`,
      ],
    ],
  },
];

const dir = join(import.meta.dirname, ".tmp", `compile-${process.pid}`);

interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

let diagnostics: Diagnostic[] = [];

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  for (const f of fixtures) writeFileSync(join(dir, `${f.name}.ts`), f.source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, noUnusedLocals: false },
      include: ["*.ts"],
    }),
  );
  const result = await promisify(execFile)("pnpm", ["exec", "tsc", "--noEmit", "--pretty", "false", "-p", dir], {
    cwd: dir,
  }).catch((error: { stdout: string }) => error);
  // a diagnostic is its first line plus the indented lines that elaborate it
  diagnostics = [];
  for (const line of result.stdout.split("\n")) {
    const head = /^(.+?)\((\d+),\d+\): error TS(\d+): (.*)$/.exec(line);
    if (head) {
      diagnostics.push({
        file: head[1] as string,
        line: Number(head[2]),
        code: Number(head[3]),
        message: head[4] as string,
      });
    } else if (/^\s/.test(line) && diagnostics.length > 0) {
      const last = diagnostics.pop() as Diagnostic;
      diagnostics.push({ ...last, message: `${last.message}\n${line.trim()}` });
    }
  }
}, 120_000);

afterAll(() => {
  if (process.env.KEEP_TYPE_FIXTURES !== "1") rmSync(dir, { recursive: true, force: true });
});

describe("tsc --noEmit on files using the generated types", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const found = diagnostics.filter((d) => d.file.endsWith(`${fixture.name}.ts`));
    const marked = fixture.source.split("\n").flatMap((line, i) => (line.endsWith("// ✗") ? [i + 1] : []));
    expect(found.map((d) => d.line)).toEqual(marked);
    expect(found.map((d) => d.code)).toEqual(fixture.errors.map(([code]) => code));
    found.forEach((d, i) => {
      expect(d.message).toContain(fixture.errors[i]?.[1]);
    });
  });
});
