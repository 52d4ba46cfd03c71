/**
 * Splits a SQL script into statements the way psql does: on `;` outside quotes, comments and dollar-quoted
 * bodies. Needed for `transaction:false` migrations because PostgreSQL runs a multi-statement simple query
 * as one implicit transaction, where `CREATE INDEX CONCURRENTLY` is refused.
 *
 * Not handled: SQL-standard function bodies (`BEGIN ATOMIC … END`) — keep those in transactional migrations,
 * which are sent as one script and need no splitting.
 */
export interface Statement {
  /** the statement text without its terminating `;`, comments kept, trimmed */
  readonly text: string;
  /** the statement's code with comments removed and whitespace collapsed; for pattern checks */
  readonly code: string;
  /** 1-based line within the script where the statement starts */
  readonly line: number;
}

export const splitStatements = (script: string): readonly Statement[] => {
  const statements: Statement[] = [];
  let start = 0;
  let code = "";
  // where the statement's first code character is (comments before it do not count): its line is reported
  let codeStart = -1;
  let i = 0;
  const push = (end: number): void => {
    const collapsed = code.replace(/\s+/g, " ").trim();
    if (collapsed !== "") {
      statements.push({ text: script.slice(start, end).trim(), code: collapsed, line: lineAt(script, codeStart) });
    }
    code = "";
    codeStart = -1;
  };
  const mark = (): void => {
    if (codeStart === -1) codeStart = i;
  };
  while (i < script.length) {
    const ch = script[i] as string;
    const next = script[i + 1];
    if (ch === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end;
      code += " ";
      continue;
    }
    if (ch === "/" && next === "*") {
      i = skipBlockComment(script, i);
      code += " ";
      continue;
    }
    if (ch === "'" || ch === '"') {
      const escapes = ch === "'" && /[eE]$/.test(script.slice(Math.max(0, i - 1), i)) && !isIdentChar(script[i - 2]);
      const end = skipQuoted(script, i, ch, escapes);
      mark();
      code += script.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "$") {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i));
      if (tag !== null && !isIdentChar(script[i - 1])) {
        const close = script.indexOf(tag[0], i + tag[0].length);
        const end = close === -1 ? script.length : close + tag[0].length;
        mark();
        code += script.slice(i, end);
        i = end;
        continue;
      }
    }
    if (ch === ";") {
      push(i);
      start = i + 1;
      i += 1;
      continue;
    }
    if (!/\s/.test(ch)) mark();
    code += ch;
    i += 1;
  }
  push(script.length);
  return statements;
};

const isIdentChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_$]/.test(ch);

/** Block comments nest in PostgreSQL. */
const skipBlockComment = (script: string, from: number): number => {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script[i] === "/" && script[i + 1] === "*") {
      depth += 1;
      i += 2;
    } else if (script[i] === "*" && script[i + 1] === "/") {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return script.length;
};

/** A doubled quote is an escaped quote; in E'' strings a backslash escapes the next character. */
const skipQuoted = (script: string, from: number, quote: string, backslashEscapes: boolean): number => {
  let i = from + 1;
  while (i < script.length) {
    const ch = script[i];
    if (backslashEscapes && ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (script[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return script.length;
};

const lineAt = (script: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (script.charCodeAt(i) === 10) line += 1;
  return line;
};
