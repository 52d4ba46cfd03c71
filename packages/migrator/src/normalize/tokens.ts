/**
 * A small SQL tokenizer: enough to canonicalise expressions and to split what PostgreSQL prints
 * (`pg_get_partkeydef`, partition bounds, trigger definitions) at top-level commas and parentheses,
 * without ever looking inside string literals or quoted identifiers.
 */
export type TokenKind = "string" | "quoted" | "number" | "word" | "op" | "punct" | "param";

export interface Token {
  readonly kind: TokenKind;
  /** the token's text as written (words are lower-cased by `canonicalTokens`, not here) */
  readonly text: string;
  /** offset in the source text (absent on tokens made up by a rewrite) */
  readonly pos?: number;
}

const isSpace = (c: string): boolean => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\f";
const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isWordStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
const OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
const PUNCT_CHARS = "(),;[]";

/** Reads a quoted run starting at `start` (the opening quote); a doubled quote stays inside. */
const readQuoted = (sql: string, start: number, quote: string): number => {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
};

/** `E'..'` strings treat backslash as an escape. */
const readEscapeString = (sql: string, start: number): number => {
  let i = start + 2;
  while (i < sql.length) {
    if (sql[i] === "\\") {
      i += 2;
      continue;
    }
    if (sql[i] === "'") {
      if (sql[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
};

const readDollarQuoted = (sql: string, start: number): number | undefined => {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start));
  if (!match) return undefined;
  const tag = match[0];
  const end = sql.indexOf(tag, start + tag.length);
  return end < 0 ? sql.length : end + tag.length;
};

const readNumber = (sql: string, start: number): number => {
  const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(start));
  return start + (match ? match[0].length : 1);
};

const skipComment = (sql: string, i: number): number | undefined => {
  if (sql.startsWith("--", i)) {
    const end = sql.indexOf("\n", i);
    return end < 0 ? sql.length : end + 1;
  }
  if (sql.startsWith("/*", i)) {
    const end = sql.indexOf("*/", i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  return undefined;
};

/** Splits SQL text into tokens; whitespace and comments are dropped. Never throws. */
export const tokenize = (sql: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    const afterComment = skipComment(sql, i);
    if (afterComment !== undefined) {
      i = afterComment;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (c === "'") {
      end = readQuoted(sql, i, "'");
      kind = "string";
    } else if ((c === "E" || c === "e") && sql[i + 1] === "'") {
      end = readEscapeString(sql, i);
      kind = "string";
    } else if (c === '"') {
      end = readQuoted(sql, i, '"');
      kind = "quoted";
    } else if (c === "$" && isDigit(sql[i + 1] ?? "")) {
      end = i + 1;
      while (end < sql.length && isDigit(sql[end] as string)) end += 1;
      kind = "param";
    } else if (c === "$" && readDollarQuoted(sql, i) !== undefined) {
      end = readDollarQuoted(sql, i) as number;
      kind = "string";
    } else if (isDigit(c) || (c === "." && isDigit(sql[i + 1] ?? ""))) {
      end = readNumber(sql, i);
      kind = "number";
    } else if (isWordStart(c)) {
      end = i + 1;
      while (end < sql.length && isWordPart(sql[end] as string)) end += 1;
      kind = "word";
    } else if (c === ":" && sql[i + 1] === ":") {
      end = i + 2;
      kind = "op";
    } else if (OPERATOR_CHARS.includes(c)) {
      end = i + 1;
      while (end < sql.length && OPERATOR_CHARS.includes(sql[end] as string)) end += 1;
      kind = "op";
    } else if (PUNCT_CHARS.includes(c) || c === "." || c === ":") {
      end = i + 1;
      kind = "punct";
    } else {
      end = i + 1;
      kind = "op";
    }
    tokens.push({ kind, text: sql.slice(i, end), pos: i });
    i = end;
  }
  return tokens;
};

/** Index of the `)` or `]` that closes the bracket opened at `open`, or -1. */
export const closingIndex = (tokens: readonly Token[], open: number): number => {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.kind !== "punct") continue;
    if (t.text === "(" || t.text === "[") depth += 1;
    else if (t.text === ")" || t.text === "]") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
};

/** Splits a token list at commas that are not nested in brackets. */
export const splitTopLevel = (tokens: readonly Token[], separator = ","): Token[][] => {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && (t.text === "(" || t.text === "[")) depth += 1;
    if (t.kind === "punct" && (t.text === ")" || t.text === "]")) depth -= 1;
    if (depth === 0 && t.kind === "punct" && t.text === separator) {
      parts.push([]);
      continue;
    }
    (parts[parts.length - 1] as Token[]).push(t);
  }
  return parts.length === 1 && parts[0]?.length === 0 ? [] : parts;
};

/**
 * Prints tokens back as SQL with single spaces where needed: no space inside brackets, before commas,
 * around `::` and `.`, or between a function name and its `(`.
 */
export const renderTokens = (tokens: readonly Token[]): string => {
  let out = "";
  let previous: Token | undefined;
  for (const t of tokens) {
    if (previous !== undefined && needsSpace(previous, t)) out += " ";
    out += t.text;
    previous = t;
  }
  return out;
};

const needsSpace = (a: Token, b: Token): boolean => {
  if (a.kind === "punct" && (a.text === "(" || a.text === "[" || a.text === ".")) return false;
  if (b.kind === "punct" && (b.text === ")" || b.text === "]" || b.text === "," || b.text === "." || b.text === ";"))
    return false;
  if (a.text === "::" || b.text === "::") return false;
  // `[` directly after an expression is a subscript or array type; after a keyword (ARRAY) it is not spaced either.
  if (b.kind === "punct" && b.text === "[") return false;
  // A call: `now()`, `public.fn(x)`; but `IN (`, `AND (` keep their space (keywords are handled by the caller's words).
  if (b.kind === "punct" && b.text === "(")
    return !(a.kind === "word" || a.kind === "quoted") || SPACED_BEFORE_PAREN.has(a.text.toLowerCase());
  return true;
};

/** Keywords that PostgreSQL prints with a space before a following `(` (everything else reads as a call). */
const SPACED_BEFORE_PAREN = new Set([
  "and",
  "or",
  "not",
  "in",
  "any",
  "all",
  "some",
  "exists",
  "when",
  "then",
  "else",
  "case",
  "as",
  "is",
  "on",
  "using",
  "with",
  "from",
  "to",
  "select",
  "where",
  "values",
  "between",
  "like",
  "ilike",
  "similar",
  "over",
  "filter",
  "distinct",
  "by",
  "join",
  "lateral",
]);
