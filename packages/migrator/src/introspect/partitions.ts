import type { PartitionBound, PartitionBy, PartitionKey } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { closingIndex, splitTopLevel, type Token, tokenize } from "../normalize/tokens.js";
import { opt } from "./optional.js";
import type { PartitionColumnRow } from "./relations.js";

/** The source text a run of tokens came from (keeps PostgreSQL's own spelling of literals). */
const sliceOf = (text: string, tokens: readonly Token[]): string => {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first?.pos === undefined || last?.pos === undefined) return "";
  return text.slice(first.pos, last.pos + last.text.length);
};

const isPunct = (t: Token | undefined, text: string): boolean => t?.kind === "punct" && t.text === text;
const isWord = (t: Token | undefined, text: string): boolean => t?.kind === "word" && t.text.toUpperCase() === text;

/** The values inside the parenthesised list that starts at token `open`. */
const valuesAt = (text: string, tokens: readonly Token[], open: number): string[] => {
  const close = closingIndex(tokens, open);
  return splitTopLevel(tokens.slice(open + 1, close)).map((part) => sliceOf(text, part));
};

/**
 * `pg_get_expr(relpartbound)` → a PartitionBound:
 * `FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')`, `FOR VALUES IN ('a', 'b')`,
 * `FOR VALUES WITH (modulus 4, remainder 1)`, `DEFAULT`.
 */
export const parsePartitionBound = (text: string): PartitionBound => {
  const tokens = tokenize(text);
  if (isWord(tokens[0], "DEFAULT")) return { kind: "default" };
  const from = tokens.findIndex((t) => isWord(t, "FROM"));
  if (from >= 0) {
    const to = closingIndex(tokens, from + 1) + 1;
    return { kind: "range", from: valuesAt(text, tokens, from + 1), to: valuesAt(text, tokens, to + 1) };
  }
  const inAt = tokens.findIndex((t) => isWord(t, "IN"));
  if (inAt >= 0) return { kind: "list", values: valuesAt(text, tokens, inAt + 1) };
  const withAt = tokens.findIndex((t) => isWord(t, "WITH"));
  if (withAt >= 0) {
    const numbers = tokens.filter((t) => t.kind === "number").map((t) => Number(t.text));
    return { kind: "hash", modulus: numbers[0] ?? 0, remainder: numbers[1] ?? 0 };
  }
  throw new Error(`unrecognised partition bound: ${text}`);
};

/** End (exclusive) of the expression a partition key starts with: `(a + b)`, `lower(name)`, `public.f(x)`. */
const expressionEnd = (tokens: readonly Token[]): number => {
  if (isPunct(tokens[0], "(")) return closingIndex(tokens, 0) + 1;
  let i = 0;
  while (tokens[i]?.kind === "word" || tokens[i]?.kind === "quoted" || isPunct(tokens[i], ".")) i += 1;
  return isPunct(tokens[i], "(") ? closingIndex(tokens, i) + 1 : tokens.length;
};

const STRATEGIES: Readonly<Record<string, PartitionBy["strategy"]>> = { RANGE: "range", LIST: "list", HASH: "hash" };

/**
 * `pg_get_partkeydef` (`RANGE (created_at)`, `LIST (lower(name))`) plus pg_partitioned_table's per-key
 * columns/opclasses → PartitionBy. Columns come from the catalog; only expressions are read from the text.
 */
export const parsePartitionBy = (definition: string, columns: readonly PartitionColumnRow[]): PartitionBy => {
  const tokens = tokenize(definition);
  const strategy = STRATEGIES[(tokens[0]?.text ?? "").toUpperCase()];
  if (strategy === undefined) throw new Error(`unrecognised partition key: ${definition}`);
  const close = closingIndex(tokens, 1);
  const parts = splitTopLevel(tokens.slice(2, close));
  const keys: PartitionKey[] = columns.map((c, i) => {
    const part = parts[i] ?? [];
    const end = expressionEnd(part);
    const expression = c.attnum === 0 ? sliceOf(definition, part.slice(0, end)) : null;
    // an expression key's collation is the expression's own unless the key says COLLATE after it
    const explicitCollation = c.attnum !== 0 || part.slice(end).some((t) => isWord(t, "COLLATE"));
    return {
      ...opt("column", c.attnum !== 0 ? c.column : null),
      ...opt("expression", expression === null ? null : normalizeExpression(expression)),
      ...opt("opclass", c.opclass_default ? null : c.opclass),
      ...opt("collation", explicitCollation ? c.collation : null),
    };
  });
  return { strategy, keys };
};
