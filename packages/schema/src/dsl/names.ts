/**
 * Constraint and index names derived exactly the way PostgreSQL derives them (`makeObjectName`,
 * `ChooseIndexNameAddition` in src/backend/commands/indexcmds.c), so a declaration without explicit names
 * lowers to the names introspection will read back.
 */

/** PostgreSQL's NAMEDATALEN - 1: identifiers are cut to this many bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

const byteLength = (text: string): number => Buffer.byteLength(text, "utf8");

/** The longest prefix of `text` that fits in `bytes` bytes without splitting a character (`pg_mbcliplen`). */
export const clipBytes = (text: string, bytes: number): string => {
  if (byteLength(text) <= bytes) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const size = byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
};

/** How PostgreSQL truncates an over-long identifier it is given (with a NOTICE). */
export const truncateIdentifier = (name: string): string => clipBytes(name, MAX_IDENTIFIER_BYTES);

/**
 * `makeObjectName(name1, name2, label)`: `name1_name2_label`, shortening the longer of name1/name2 one
 * byte at a time until the whole fits in 63 bytes.
 */
export const makeObjectName = (name1: string, name2: string | undefined, label: string | undefined): string => {
  let name1Bytes = byteLength(name1);
  let name2Bytes = name2 === undefined ? 0 : byteLength(name2);
  const overhead = (name2 === undefined ? 0 : 1) + (label === undefined ? 0 : byteLength(label) + 1);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes--;
    else name2Bytes--;
  }
  const parts = [clipBytes(name1, name1Bytes)];
  if (name2 !== undefined) parts.push(clipBytes(name2, name2Bytes));
  if (label !== undefined) parts.push(label);
  return parts.join("_");
};

/**
 * Column names joined with `_`, stopping once the result reaches 64 bytes (`ChooseIndexNameAddition`,
 * `ChooseForeignKeyConstraintNameAddition`). Expression keys count as `expr`.
 */
export const nameAddition = (columns: readonly string[]): string => {
  let out = "";
  for (const column of columns) {
    if (out.length > 0) out += "_";
    out += clipBytes(column, MAX_IDENTIFIER_BYTES);
    if (byteLength(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
};

export type DerivedNameKind = "pkey" | "key" | "fkey" | "check" | "excl" | "idx";

/**
 * The name PostgreSQL gives an unnamed constraint or index on `table`.
 *
 * @example
 * derivedName("users", [], "pkey") // "users_pkey"
 * derivedName("users", ["email"], "key") // "users_email_key"
 * derivedName("algorithms", ["name", "version"], "key") // "algorithms_name_version_key"
 * derivedName("t", [], "check") // "t_check" (a check on no single column)
 */
export const derivedName = (table: string, columns: readonly string[], kind: DerivedNameKind): string =>
  kind === "pkey" ? makeObjectName(table, undefined, kind) : makeObjectName(table, addition(columns), kind);

const addition = (columns: readonly string[]): string | undefined =>
  columns.length === 0 ? undefined : nameAddition(columns);

/**
 * When a derived name is taken, PostgreSQL appends 1, 2, … to the label (`users_email_key1`), still within 63 bytes.
 */
export const uniqueDerivedName = (
  table: string,
  columns: readonly string[],
  kind: DerivedNameKind,
  taken: ReadonlySet<string>,
): string => {
  const first = derivedName(table, columns, kind);
  if (!taken.has(first)) return first;
  for (let pass = 1; ; pass++) {
    const label = `${kind}${pass}`;
    const candidate =
      kind === "pkey" ? makeObjectName(table, undefined, label) : makeObjectName(table, addition(columns), label);
    if (!taken.has(candidate)) return candidate;
  }
};
