import { describe, expect, it } from "vitest";
import { parseMigrationFile, splitStatements } from "../../src/files/index.js";
import { requiredExtensions } from "../../src/runner/preflight.js";
import { concurrentIndexesOf } from "../../src/runner/repair.js";

describe("splitStatements", () => {
  it("splits on semicolons outside strings, identifiers, comments and dollar quotes", () => {
    const script = [
      "select 'a;b', E'it\\'s;', \"we;ird\"; -- c;omment",
      "/* block; /* nested; */ still; */ select 2;",
      "create function f() returns int language plpgsql as $body$ begin return 1; end $body$;",
      "select $$x;y$$",
    ].join("\n");
    const statements = splitStatements(script);
    expect(statements.map((statement) => statement.line)).toEqual([1, 2, 3, 4]);
    expect(statements[0]?.text).toBe("select 'a;b', E'it\\'s;', \"we;ird\"");
    expect(statements[1]?.code).toBe("select 2");
    expect(statements[2]?.text).toContain("$body$ begin return 1; end $body$");
    expect(statements[3]?.text).toBe("select $$x;y$$");
  });

  it("drops empty statements and comment-only tails", () => {
    expect(splitStatements(";;  -- nothing\n/* */")).toEqual([]);
  });
});

describe("statement patterns", () => {
  it("finds the indexes a migration builds concurrently, with quoting and case folding", () => {
    expect(
      concurrentIndexesOf(
        'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS Users_Email ON app.users (email);\ncreate index concurrently "Odd""Name" on only "App"."T" (a);\nCREATE INDEX plain ON t (a);',
      ),
    ).toEqual([
      { name: "users_email", table: "app.users", ifNotExists: true },
      { name: 'Odd"Name', table: '"App"."T"', ifNotExists: false },
    ]);
  });

  it("finds CREATE EXTENSION names outside comments, with their file line", () => {
    const file = parseMigrationFile(
      "0001_ext.sql",
      '-- migrate:up\n-- CREATE EXTENSION commented;\nCREATE EXTENSION IF NOT EXISTS vector;\nCREATE EXTENSION "uuid-ossp";\n',
    );
    expect(requiredExtensions([file]).map((extension) => [extension.name, extension.line])).toEqual([
      ["vector", 3],
      ["uuid-ossp", 4],
    ]);
  });
});
