import { type Token, tokenize } from "./tokens.js";

/**
 * Reads a possibly qualified, possibly quoted name as PostgreSQL prints it (`public."T_id_seq"`) into its
 * parts (`["public", "T_id_seq"]`). Unquoted parts are folded to lower case, as PostgreSQL does.
 * Returns undefined when the text is not a dotted name.
 */
export const parseQualifiedName = (text: string): string[] | undefined => {
  const tokens = tokenize(text);
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (i % 2 === 1) {
      if (t.kind !== "punct" || t.text !== ".") return undefined;
      continue;
    }
    if (t.kind === "word") parts.push(t.text.toLowerCase());
    else if (t.kind === "quoted") parts.push(t.text.slice(1, -1).replace(/""/g, '"'));
    else return undefined;
  }
  return tokens.length % 2 === 1 ? parts : undefined;
};

/** Byte length of the longest prefix of `text` within `bytes` UTF-8 bytes, never splitting a character. */
const clipToBytes = (text: string, bytes: number): string => {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
};

/**
 * The name PostgreSQL gives an implicit object (`makeObjectName` in its source): `table_column_label`,
 * each part shortened (the longer first) so the whole fits in 63 bytes. Used to recognise the sequence
 * of a serial column (`ChooseRelationName(table, column, "seq")`); a name PostgreSQL had to number
 * because of a clash (`t_id_seq1`) is not recognised.
 */
export const implicitObjectName = (name1: string, name2: string, label: string): string => {
  const overhead = Buffer.byteLength(label, "utf8") + 1 + 1;
  const available = 63 - overhead;
  let chars1 = Buffer.byteLength(name1, "utf8");
  let chars2 = Buffer.byteLength(name2, "utf8");
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1 -= 1;
    else chars2 -= 1;
  }
  return `${clipToBytes(name1, chars1)}_${clipToBytes(name2, chars2)}_${label}`;
};

/** The sequence name PostgreSQL chooses for `table.column serial`. */
export const serialSequenceName = (table: string, column: string): string => implicitObjectName(table, column, "seq");
