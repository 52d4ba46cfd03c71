import { expressionKey as computeKey, normalizeExpression as computeNormal } from "./expressions.js";

/**
 * The expression functions with their answers remembered. Both are pure functions of the text, and a
 * schema repeats the same texts many times over (`now()`, `'{}'::jsonb`, one policy predicate on a
 * hundred tables): introspection normalises every default and diff keys every pair of expressions, so
 * the work is done once per distinct text. The memory is bounded (cleared when full).
 */
const remembered = (compute: (sql: string) => string): ((sql: string) => string) => {
  const known = new Map<string, string>();
  return (sql) => {
    let answer = known.get(sql);
    if (answer === undefined) {
      answer = compute(sql);
      if (known.size >= LIMIT) known.clear();
      known.set(sql, answer);
    }
    return answer;
  };
};

const LIMIT = 50_000;

/** `expressionKey` of ./expressions.ts, remembered: the comparison key of an expression. */
export const expressionKey = remembered(computeKey);

/** `normalizeExpression` of ./expressions.ts, remembered: what introspection stores. */
export const normalizeExpression = remembered(computeNormal);

/** Whether two expressions are the same once PostgreSQL's rewrites are undone (equal text always is). */
export const sameExpression = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a === b || expressionKey(a) === expressionKey(b);
