/** A light tokenizer over SQL expression text, enough to tell which columns an expression mentions. */

const WORD = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|::\s*[a-z_][a-z0-9_$]*|([a-z_][a-z0-9_$]*)(\s*\()?/gi;

/**
 * Columns of `columns` that an expression mentions, in first-mention order. String literals, function
 * names (`lower(`), and cast types (`::text`) are not columns.
 */
export const mentionedColumns = (expression: string, columns: ReadonlySet<string>): string[] => {
  const found: string[] = [];
  for (const match of expression.matchAll(WORD)) {
    const [, quoted, bare, call] = match;
    const name = quoted !== undefined ? quoted.replaceAll('""', '"') : call ? undefined : bare?.toLowerCase();
    if (name !== undefined && columns.has(name) && !found.includes(name)) found.push(name);
  }
  return found;
};
