import { quoteIdent } from "../sql/quote.js";
import { closingIndex, renderTokens, splitTopLevel, type Token, tokenize } from "./tokens.js";
import { normalizeType } from "./types.js";

/**
 * Two functions over SQL expression text (defaults, CHECK, index WHERE, policy USING / WITH CHECK):
 *
 * - `normalizeExpression` is what introspection stores: PostgreSQL's deparsed text with only
 *   meaning-preserving changes (whitespace, the redundant outermost parentheses). It stays valid SQL
 *   because catalogs are emitted again (`pull`, snapshots).
 * - `expressionKey` is a comparison form, never executed: it also drops the casts and parentheses
 *   PostgreSQL adds when it stores an expression, so the declared `status IN ('a', 'b')` and the
 *   read-back `((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))`
 *   get the same key. It is deliberately a little lossy (a cast of a literal is ignored).
 */
export const normalizeExpression = (sql: string): string => {
  const tokens = tokenize(sql);
  return renderTokens(stripOuterParens(tokens));
};

/** The comparison key of an expression; equal keys mean "the same expression" for diff and verify. */
export const expressionKey = (sql: string): string => {
  let tokens = canonicalWords(tokenize(sql));
  tokens = rewriteCasts(tokens);
  tokens = rewriteOperators(tokens);
  tokens = rewriteInLists(tokens);
  tokens = rewriteBetween(tokens);
  tokens = dropDefaultAliases(tokens);
  tokens = mergeNegativeNumbers(tokens);
  tokens = removeRedundantParens(tokens);
  tokens = stripImplicitCasts(tokens);
  tokens = removeRedundantParens(tokens);
  return renderTokens(tokens.map(canonicalDateTimeLiteral));
};

/** Whether two expressions are the same once PostgreSQL's rewrites are undone. */
export const sameExpression = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined ? a === b : expressionKey(a) === expressionKey(b);

const word = (text: string): Token => ({ kind: "word", text });
const punct = (text: string): Token => ({ kind: "punct", text });
const op = (text: string): Token => ({ kind: "op", text });
const isWord = (t: Token | undefined, text?: string): boolean =>
  t !== undefined && t.kind === "word" && (text === undefined || t.text === text);
const isPunct = (t: Token | undefined, text: string): boolean =>
  t !== undefined && t.kind === "punct" && t.text === text;

const stripOuterParens = (tokens: Token[]): Token[] => {
  let current = tokens;
  while (current.length > 2 && isPunct(current[0], "(") && closingIndex(current, 0) === current.length - 1) {
    current = current.slice(1, -1);
  }
  return current;
};

/**
 * Quoted identifiers that need no quotes lose them (a keyword such as `"select"` keeps them: unquoted it
 * would parse as SQL); words are lower-cased.
 */
const canonicalWords = (tokens: readonly Token[]): Token[] =>
  tokens.map((t) => {
    if (t.kind === "word") return word(t.text.toLowerCase());
    if (t.kind === "quoted") {
      const inner = t.text.slice(1, -1).replace(/""/g, '"');
      // `$` is legal unquoted though quote_ident quotes it; a keyword never contains one
      const plain = /^[a-z_][a-z0-9_$]*$/.test(inner) && (inner.includes("$") || quoteIdent(inner) === inner);
      return plain ? word(inner) : t;
    }
    return t;
  });

/** Words that can continue a type name after `::` (`character varying`, `timestamp with time zone`). */
const TYPE_CONTINUATION = new Set(["varying", "precision", "with", "without", "time", "zone"]);

/** End (exclusive) of the type name that starts at `start`, e.g. after `::`. */
const typeEnd = (tokens: readonly Token[], start: number): number => {
  let i = start;
  const isName = (t: Token | undefined) => t !== undefined && (t.kind === "word" || t.kind === "quoted");
  if (!isName(tokens[i])) return i;
  i += 1;
  while (isPunct(tokens[i], ".") && isName(tokens[i + 1])) i += 2;
  while (isWord(tokens[i]) && TYPE_CONTINUATION.has((tokens[i] as Token).text)) {
    i += 1;
    if (isPunct(tokens[i], "(")) i = closingIndex(tokens, i) + 1;
  }
  if (isPunct(tokens[i], "(")) {
    i = closingIndex(tokens, i) + 1;
    while (isWord(tokens[i]) && TYPE_CONTINUATION.has((tokens[i] as Token).text)) i += 1;
  }
  while (isPunct(tokens[i], "[") && isPunct(tokens[i + 1], "]")) i += 2;
  return i;
};

const typeTokens = (tokens: readonly Token[]): Token[] => tokenize(normalizeType(renderTokens(tokens)));

/** `CAST(x AS t)` → `(x)::t`, and every cast's type in canonical spelling. */
const rewriteCasts = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (isWord(t, "cast") && isPunct(tokens[i + 1], "(")) {
      const close = closingIndex(tokens, i + 1);
      const inner = tokens.slice(i + 2, close);
      let depth = 0;
      let asAt = -1;
      inner.forEach((x, k) => {
        if (isPunct(x, "(") || isPunct(x, "[")) depth += 1;
        if (isPunct(x, ")") || isPunct(x, "]")) depth -= 1;
        if (depth === 0 && isWord(x, "as")) asAt = k;
      });
      if (close > 0 && asAt > 0) {
        out.push(punct("("), ...rewriteCasts(inner.slice(0, asAt)), punct(")"), op("::"));
        out.push(...typeTokens(inner.slice(asAt + 1)));
        i = close;
        continue;
      }
    }
    if (t.kind === "op" && t.text === "::") {
      const end = typeEnd(tokens, i + 1);
      out.push(t, ...typeTokens(tokens.slice(i + 1, end)));
      i = end - 1;
      continue;
    }
    out.push(t);
  }
  return out;
};

const OPERATOR_WORDS: Readonly<Record<string, string>> = { like: "~~", ilike: "~~*" };
const NEGATED_OPERATOR_WORDS: Readonly<Record<string, string>> = { like: "!~~", ilike: "!~~*" };

/** `!=` → `<>`, `LIKE` → `~~`, `NOT ILIKE` → `!~~*`: the spelling PostgreSQL prints. */
const rewriteOperators = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === "op" && t.text === "!=") out.push(op("<>"));
    else if (isWord(t, "not") && next !== undefined && isWord(next) && NEGATED_OPERATOR_WORDS[next.text]) {
      out.push(op(NEGATED_OPERATOR_WORDS[next.text] as string));
      i += 1;
    } else if (t.kind === "word" && OPERATOR_WORDS[t.text]) out.push(op(OPERATOR_WORDS[t.text] as string));
    else out.push(t);
  }
  return out;
};

/** `x IN (a, b)` → `x = ANY (ARRAY[a, b])`; `NOT IN` → `<> ALL`. Subqueries are left alone. */
const rewriteInLists = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const negated = isWord(t, "not") && isWord(tokens[i + 1], "in");
    const inAt = negated ? i + 1 : i;
    if ((negated || isWord(t, "in")) && isPunct(tokens[inAt + 1], "(") && !isWord(tokens[inAt + 2], "select")) {
      const close = closingIndex(tokens, inAt + 1);
      if (close > 0) {
        const list = rewriteInLists(tokens.slice(inAt + 2, close));
        // PostgreSQL turns a one-element list into a plain comparison
        if (splitTopLevel(list).length === 1) out.push(op(negated ? "<>" : "="), ...list);
        else {
          out.push(op(negated ? "<>" : "="), word(negated ? "all" : "any"), punct("("), word("array"), punct("["));
          out.push(...list, punct("]"), punct(")"));
        }
        i = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
};

/** Binding strength of PostgreSQL's operators (higher binds tighter), from the manual's precedence table. */
const WORD_PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  not: 3,
  is: 4,
  isnull: 4,
  notnull: 4,
  in: 6,
  between: 6,
  similar: 6,
  collate: 12,
  at: 11,
};
const COMPARISON = new Set(["<", ">", "=", "<=", ">=", "<>"]);
const UNARY_PRECEDENCE = 13;
const CAST_PRECEDENCE = 14;

const binaryOpPrecedence = (text: string): number => {
  if (text === "::") return CAST_PRECEDENCE;
  if (COMPARISON.has(text)) return 5;
  if (text === "^") return 10;
  if (text === "*" || text === "/" || text === "%") return 9;
  if (text === "+" || text === "-") return 8;
  return 7;
};

/** Words after which `(` opens a grouping, not a call's argument list. */
const GROUPING_AFTER = new Set(["and", "or", "not", "when", "then", "else", "case", "is", "in", "between", "distinct"]);

const startsOperand = (prev: Token | undefined): boolean =>
  prev === undefined ||
  prev.kind === "op" ||
  isPunct(prev, "(") ||
  isPunct(prev, ",") ||
  isPunct(prev, "[") ||
  (prev.kind === "word" && GROUPING_AFTER.has(prev.text));

/** Precedence of the operator token at `i` (undefined if it is not an operator in that position). */
const precedenceAt = (tokens: readonly Token[], i: number): number | undefined => {
  const t = tokens[i] as Token;
  if (t.kind === "op") return startsOperand(tokens[i - 1]) ? UNARY_PRECEDENCE : binaryOpPrecedence(t.text);
  if (t.kind === "word") {
    if (t.text === "not" && !startsOperand(tokens[i - 1])) return 6;
    return WORD_PRECEDENCE[t.text];
  }
  return undefined;
};

/** Lowest precedence among operators at depth 0 of `tokens`; Infinity for an atom. */
const lowestPrecedence = (tokens: readonly Token[]): number => {
  let lowest = Number.POSITIVE_INFINITY;
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (isPunct(t, "(") || isPunct(t, "[")) depth += 1;
    else if (isPunct(t, ")") || isPunct(t, "]")) depth -= 1;
    else if (depth === 0) {
      if (t.kind === "word" && (t.text === "case" || t.text === "select")) return 0;
      const p = precedenceAt(tokens, i);
      if (p !== undefined) lowest = Math.min(lowest, p);
    }
  }
  return lowest;
};

const hasTopLevelComma = (tokens: readonly Token[]): boolean => {
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, "(") || isPunct(t, "[")) depth += 1;
    else if (isPunct(t, ")") || isPunct(t, "]")) depth -= 1;
    else if (depth === 0 && isPunct(t, ",")) return true;
  }
  return false;
};

const ASSOCIATIVE = new Set([1, 2]);

/** Whether the group `(`…`)` at open..close can go without changing how the expression parses. */
const removableGroup = (tokens: readonly Token[], open: number, close: number): boolean => {
  const before = tokens[open - 1];
  if (before !== undefined && (before.kind === "word" || before.kind === "quoted") && !GROUPING_AFTER.has(before.text))
    return false;
  if (before !== undefined && isPunct(before, "]")) return false;
  const inner = tokens.slice(open + 1, close);
  if (inner.length === 0 || hasTopLevelComma(inner) || isWord(inner[0], "select") || isWord(inner[0], "values"))
    return false;
  const own = lowestPrecedence(inner);
  const left = before === undefined ? 0 : (precedenceAt(tokens, open - 1) ?? 0);
  const after = tokens[close + 1];
  const right =
    after === undefined ? 0 : isPunct(after, "[") ? CAST_PRECEDENCE : (precedenceAt(tokens, close + 1) ?? 0);
  if (own > left && own > right) return true;
  if (own > left && own === right) return own !== 5 && own !== UNARY_PRECEDENCE;
  if (own === left && own > right) return ASSOCIATIVE.has(own);
  return own === left && own === right && ASSOCIATIVE.has(own);
};

const removeRedundantParens = (tokens: readonly Token[]): Token[] => {
  let current = [...tokens];
  for (let changed = true; changed; ) {
    changed = false;
    for (let open = 0; open < current.length; open += 1) {
      if (!isPunct(current[open], "(")) continue;
      const close = closingIndex(current, open);
      if (close < 0 || !removableGroup(current, open, close)) continue;
      current = [...current.slice(0, open), ...current.slice(open + 1, close), ...current.slice(close + 1)];
      changed = true;
      break;
    }
  }
  return current;
};

/** Casts PostgreSQL inserts on its own: to the type a literal already gets, and text-like casts of columns. */
const IMPLICIT_COLUMN_CASTS = new Set(["text", "character varying", "bpchar"]);
const NUMERIC_TYPES = new Set(["integer", "bigint", "smallint", "numeric", "real", "double precision"]);

const castTypeText = (tokens: readonly Token[], from: number): { text: string; end: number } => {
  const end = typeEnd(tokens, from);
  return { text: renderTokens(tokens.slice(from, end)), end };
};

const stripImplicitCasts = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (!(t.kind === "op" && t.text === "::")) {
      out.push(t);
      continue;
    }
    const prev = out[out.length - 1];
    const { text: type, end } = castTypeText(tokens, i + 1);
    const literal = prev !== undefined && (prev.kind === "string" || prev.kind === "number");
    const arrayLiteral = isPunct(prev, "]") && type.endsWith("[]");
    // a column, plain, quoted or qualified (`t.name`): PostgreSQL casts varchar/char columns to text to compare them
    const column = prev !== undefined && (isWord(prev) || prev.kind === "quoted");
    if (literal || arrayLiteral || (column && IMPLICIT_COLUMN_CASTS.has(type))) {
      // `'-1'::integer` is how PostgreSQL stores the constant -1: the key keeps the number.
      if (prev?.kind === "string" && NUMERIC_TYPES.has(type) && /^'-?\d+(\.\d+)?'$/.test(prev.text)) {
        out[out.length - 1] = { kind: "number", text: prev.text.slice(1, -1) };
      }
      i = end - 1;
      continue;
    }
    out.push(t);
  }
  return out;
};

/** A unary minus before a number is part of the constant (`-1`), as PostgreSQL prints it. */
const mergeNegativeNumbers = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === "op" && t.text === "-" && next?.kind === "number" && startsOperand(out[out.length - 1])) {
      out.push({ kind: "number", text: `-${next.text}` });
      i += 1;
      continue;
    }
    out.push(t);
  }
  return out;
};

/** Tokens that end an operand of BETWEEN when walking away from it. */
const BETWEEN_BOUNDARY_WORDS = new Set(["and", "or", "not", "when", "then", "else", "case", "end", "where", "select"]);

const isBoundary = (t: Token | undefined): boolean =>
  t === undefined ||
  isPunct(t, "(") ||
  isPunct(t, ")") ||
  isPunct(t, ",") ||
  (t.kind === "word" && BETWEEN_BOUNDARY_WORDS.has(t.text)) ||
  (t.kind === "op" && COMPARISON.has(t.text));

/** Start of the operand that ends just before `end` (exclusive), skipping bracketed groups. */
const operandStart = (tokens: readonly Token[], end: number): number => {
  let i = end - 1;
  while (i >= 0) {
    const t = tokens[i] as Token;
    if (isPunct(t, ")") || isPunct(t, "]")) {
      let depth = 0;
      for (; i >= 0; i -= 1) {
        const u = tokens[i] as Token;
        if (isPunct(u, ")") || isPunct(u, "]")) depth += 1;
        if (isPunct(u, "(") || isPunct(u, "[")) depth -= 1;
        if (depth === 0) break;
      }
      i -= 1;
      continue;
    }
    if (isBoundary(t)) break;
    i -= 1;
  }
  return i + 1;
};

/** End (exclusive) of the operand that starts at `start`, skipping bracketed groups. */
const operandEnd = (tokens: readonly Token[], start: number): number => {
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (isPunct(t, "(") || isPunct(t, "[")) {
      i = closingIndex(tokens, i) + 1;
      if (i === 0) return tokens.length;
      continue;
    }
    if (i > start && isBoundary(t)) break;
    i += 1;
  }
  return i;
};

/** `a BETWEEN b AND c` → `a >= b AND a <= c`, as PostgreSQL stores it (NOT BETWEEN is left alone). */
const rewriteBetween = (tokens: readonly Token[]): Token[] => {
  const at = tokens.findIndex((t, i) => isWord(t, "between") && !isWord(tokens[i - 1], "not"));
  if (at < 0) return [...tokens];
  const start = operandStart(tokens, at);
  const lowEnd = operandEnd(tokens, at + 1);
  if (!isWord(tokens[lowEnd], "and") || start === at) return [...tokens];
  const highEnd = operandEnd(tokens, lowEnd + 1);
  const subject = tokens.slice(start, at);
  const rewritten = [
    ...tokens.slice(0, start),
    punct("("),
    ...subject,
    op(">="),
    ...tokens.slice(at + 1, lowEnd),
    word("and"),
    ...subject,
    op("<="),
    ...tokens.slice(lowEnd + 1, highEnd),
    punct(")"),
    ...tokens.slice(highEnd),
  ];
  return rewriteBetween(rewritten);
};

/**
 * `f(x) AS f` and `t.c AS c` → without the alias: PostgreSQL prints the output name of a sub-select's
 * column even when it is the default one.
 */
const dropDefaultAliases = (tokens: readonly Token[]): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const alias = tokens[i + 1];
    if (isWord(t, "as") && alias !== undefined && isWord(alias)) {
      const prev = out[out.length - 1];
      let name: string | undefined;
      if (prev !== undefined && isPunct(prev, ")")) {
        let depth = 0;
        for (let k = out.length - 1; k >= 0; k -= 1) {
          if (isPunct(out[k], ")")) depth += 1;
          if (isPunct(out[k], "(")) depth -= 1;
          if (depth === 0) {
            name = out[k - 1]?.kind === "word" ? out[k - 1]?.text : undefined;
            break;
          }
        }
      } else if (prev !== undefined && isWord(prev)) name = prev.text;
      if (name === alias.text) {
        i += 1;
        continue;
      }
    }
    out.push(t);
  }
  return out;
};

const DATE_TIME =
  /^'(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?'$/;

/**
 * `'2020-01-01'` → `'2020-01-01 00:00:00'`: PostgreSQL stores a date/time literal compared with a
 * timestamp column as a constant and prints it in full (in UTC during introspection). Offsets are
 * applied, so `'2020-01-01 02:00+02'` and `'2020-01-01 00:00:00+00'` get the same key; a literal without
 * offset is taken as UTC. A date and a midnight timestamp therefore share a key (a known, harmless loss).
 */
const canonicalDateTimeLiteral = (t: Token): Token => {
  if (t.kind !== "string") return t;
  const m = DATE_TIME.exec(t.text);
  if (!m) return t;
  const [, y, mo, d, h = "00", mi = "00", sec = "00", fraction = "", zone] = m;
  let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  if (zone !== undefined && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    epoch -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0")) * 60_000;
  }
  const iso = new Date(epoch).toISOString();
  const fractionDigits = fraction.replace(/0+$/, "");
  const fractionPart = fractionDigits === "." ? "" : fractionDigits;
  return { kind: "string", text: `'${iso.slice(0, 10)} ${iso.slice(11, 19)}${fractionPart}'` };
};
