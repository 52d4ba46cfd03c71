/**
 * A tiny code model for the generated declarations and its printer. Expressions are built as data
 * (calls, objects, arrays, method chains) and printed the way Biome formats them: flat when the
 * expression fits in the line width, otherwise one argument, entry or chained call per line with
 * trailing commas. Building data first keeps the renderers free of indentation bookkeeping.
 */

export type Code =
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Code[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, Code])[] }
  | { readonly kind: "array"; readonly items: readonly Code[] }
  | { readonly kind: "chain"; readonly base: Code; readonly calls: readonly (readonly [string, readonly Code[]])[] }
  | { readonly kind: "arrow"; readonly params: string; readonly body: Code };

export const raw = (text: string): Code => ({ kind: "raw", text });
export const call = (callee: string, ...args: readonly Code[]): Code => ({ kind: "call", callee, args });
export const array = (items: readonly Code[]): Code => ({ kind: "array", items });
export const arrow = (params: string, body: Code): Code => ({ kind: "arrow", params, body });

/** An object literal from entries; `undefined` values are left out so callers can list optional fields. */
export const object = (entries: readonly (readonly [string, Code | undefined])[]): Code => ({
  kind: "object",
  entries: entries.filter((e): e is readonly [string, Code] => e[1] !== undefined),
});

/** `base.m1(a).m2()`: calls with `undefined` in place of the arguments are left out. */
export const chain = (base: Code, calls: readonly (readonly [string, readonly Code[]] | undefined)[]): Code => {
  const kept = calls.filter((c): c is readonly [string, readonly Code[]] => c !== undefined);
  return kept.length === 0 ? base : { kind: "chain", base, calls: kept };
};

/** A JavaScript string literal as Biome writes it: double quotes unless single quotes need fewer escapes. */
export const stringLiteral = (value: string): string => {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const json = JSON.stringify(value);
  if (doubles <= singles) return json;
  return `'${json.slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
};

export const str = (value: string): Code => raw(stringLiteral(value));

/** A number when it is a safe integer, else the decimal string (the DSL accepts both for big values). */
export const int = (value: string): Code =>
  /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? raw(String(Number(value))) : str(value);

/**
 * The DSL's `sql` template holding `text` verbatim: backslashes, backticks and `${` escaped, so the cooked
 * template string is exactly `text`. `holes` splice handles in (`${users}`): text between them is escaped.
 */
export const sqlTemplate = (parts: readonly string[], holes: readonly string[] = []): Code =>
  raw(`sql\`${parts.map((p, i) => escapeTemplate(p) + (i < holes.length ? `\${${holes[i]}}` : "")).join("")}\``);

const escapeTemplate = (text: string): string =>
  text.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${");

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** An object key: bare when it is an identifier (`名前` too), quoted otherwise. */
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : stringLiteral(name));

/** `t.email`, or `t["e-mail"]` for a name that is not an identifier. */
export const member = (base: string, name: string): string =>
  IDENTIFIER.test(name) ? `${base}.${name}` : `${base}[${stringLiteral(name)}]`;

export const LINE_WIDTH = 120;
const INDENT = "  ";

/** Print `code` starting at column `column` of a line indented by `indent`. */
export const print = (code: Code, indent = "", column = indent.length, trail = 0): string => {
  const flat = printFlat(code);
  if (flat !== undefined && column + flat.length + trail <= LINE_WIDTH) return flat;
  return printBroken(code, indent, column);
};

/** The one-line form, or undefined when the code holds a line break (a multi-line template). */
const printFlat = (code: Code): string | undefined => {
  const all = (items: readonly Code[]): string[] | undefined => {
    const out: string[] = [];
    for (const item of items) {
      const text = printFlat(item);
      if (text === undefined) return undefined;
      out.push(text);
    }
    return out;
  };
  switch (code.kind) {
    case "raw":
      return code.text.includes("\n") ? undefined : code.text;
    case "call": {
      const args = all(code.args);
      return args && `${code.callee}(${args.join(", ")})`;
    }
    case "object": {
      if (code.entries.length === 0) return "{}";
      const values = all(code.entries.map(([, v]) => v));
      return values && `{ ${code.entries.map(([k], i) => `${propertyKey(k)}: ${values[i]}`).join(", ")} }`;
    }
    case "array": {
      const items = all(code.items);
      return items && `[${items.join(", ")}]`;
    }
    case "chain": {
      const base = printFlat(code.base);
      if (base === undefined) return undefined;
      let text = base;
      for (const [method, args] of code.calls) {
        const printed = all(args);
        if (printed === undefined) return undefined;
        text += `.${method}(${printed.join(", ")})`;
      }
      return text;
    }
    case "arrow": {
      const body = printFlat(code.body);
      return body && `(${code.params}) => ${code.body.kind === "object" ? `(${body})` : body}`;
    }
  }
};

/**
 * `f(a, b, {` … `})`: the last argument (an object, array or arrow function) breaks while the others stay
 * on the call's line — what Biome does when those fit and are not themselves objects or arrows.
 */
const hugLast = (callee: string, args: readonly Code[], indent: string, column: number): string | undefined => {
  const last = args[args.length - 1] as Code;
  const before = args.slice(0, -1);
  if (last.kind !== "object" && last.kind !== "arrow" && last.kind !== "array") return undefined;
  // two objects (or two arrows) in a row are not hugged: every argument goes on its own line
  if (before[before.length - 1]?.kind === last.kind) return undefined;
  const flat = before.map(printFlat);
  if (flat.some((f) => f === undefined)) return undefined;
  const head = `${callee}(${flat.map((f) => `${f}, `).join("")}`;
  const broken = printBroken(last, indent, column + head.length);
  const firstLine = broken.split("\n", 1)[0] ?? "";
  if (column + head.length + firstLine.length > LINE_WIDTH) return undefined;
  return `${head}${broken})`;
};

/** `key: value` in a broken object; a string too long for the line moves below its key, as Biome does. */
const entry = (key: string, value: Code, indent: string): string => {
  const head = `${propertyKey(key)}: `;
  const column = indent.length + head.length;
  const flat = printFlat(value);
  if (
    value.kind === "raw" &&
    value.text.startsWith('"') &&
    flat !== undefined &&
    column + flat.length + 1 > LINE_WIDTH
  ) {
    return `${propertyKey(key)}:\n${indent}${INDENT}${flat}`;
  }
  return head + print(value, indent, column, 1);
};

const printBroken = (code: Code, indent: string, column: number): string => {
  const inner = indent + INDENT;
  switch (code.kind) {
    case "raw":
      return code.text;
    case "call": {
      // a single object or arrow argument hugs the parentheses: `f({` … `})`
      if (code.args.length === 0) return `${code.callee}()`;
      const hugged = hugLast(code.callee, code.args, indent, column);
      if (hugged !== undefined) return hugged;
      return `${code.callee}(\n${code.args.map((a) => `${inner}${print(a, inner, inner.length, 1)},\n`).join("")}${indent})`;
    }
    case "object":
      return `{\n${code.entries.map(([k, v]) => `${inner}${entry(k, v, inner)},\n`).join("")}${indent}}`;
    case "array":
      return `[\n${code.items.map((item) => `${inner}${print(item, inner, inner.length, 1)},\n`).join("")}${indent}]`;
    case "chain":
      return printChain(code, indent, column);
    case "arrow": {
      const head = `(${code.params}) => `;
      if (code.body.kind === "object") return `${head}(${print(code.body, indent, column + head.length + 1)})`;
      return head + print(code.body, indent, column + head.length);
    }
  }
};

/** Arguments Biome treats as simple when deciding whether a member chain must break one call per line. */
const isSimple = (code: Code): boolean => {
  switch (code.kind) {
    case "raw":
      return !code.text.startsWith("sql`") && !code.text.includes("\n");
    case "call":
      return code.args.every(isSimple);
    case "object":
      return code.entries.every(([, v]) => isSimple(v));
    case "array":
      return code.items.every(isSimple);
    case "chain":
      return isSimple(code.base) && code.calls.every(([, args]) => args.every(isSimple));
    case "arrow":
      return false;
  }
};

/**
 * Member chains as Biome prints them: up to two calls after the base stay on the base's line (the last
 * call's arguments break if need be); longer chains put one call per line when they do not fit, or when
 * some call has a non-trivial argument.
 */
const printChain = (code: Extract<Code, { kind: "chain" }>, indent: string, column: number): string => {
  const inner = indent + INDENT;
  const calls = code.calls.length + (code.base.kind === "call" ? 1 : 0);
  const complex = calls > 2 && [code.base, ...code.calls.flatMap(([, args]) => args)].some((a) => !isSimple(a));
  const flat = printFlat(code);
  if (!complex && flat !== undefined && column + flat.length + 1 <= LINE_WIDTH) return flat;
  const base = print(code.base, indent, column);
  return base + code.calls.map(([method, args]) => `\n${inner}${print(call(`.${method}`, ...args), inner)}`).join("");
};
