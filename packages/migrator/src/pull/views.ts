/**
 * Views and materialized views. The definition is PostgreSQL's deparsed SELECT, kept verbatim; the
 * relations it reads are spliced in as handles (`FROM ${users}`) where the text names them exactly as the
 * handle prints (`auth.users`), which gives the view its `dependsOn` (creation order) without changing a
 * character of the SQL.
 */
import { quoteQualified, type View } from "@platform/schema";
import { type Code, chain, object, raw, sqlTemplate, str, stringLiteral } from "./code.js";
import type { ModuleState, PullContext } from "./context.js";
import { grantsCode, optionsArg, schemaArg } from "./objects.js";
import { indexCode } from "./tables.js";
import { typeCode } from "./types.js";

const IDENTIFIER_CHAR = /[A-Za-z0-9_$."]/;

export const viewCode = (ctx: PullContext, m: ModuleState, v: View): Code => {
  const columns = v.columns?.length
    ? object(
        v.columns.map((c) => [
          c.name,
          chain(typeCode(ctx, m, c.type), [
            c.notNull ? ["notNull", []] : undefined,
            c.comment !== undefined ? ["comment", [str(c.comment)]] : undefined,
          ]),
        ]),
      )
    : undefined;
  const options = optionsArg([
    ["columns", columns],
    ["comment", v.comment === undefined ? undefined : str(v.comment)],
    ["grants", grantsCode(ctx, m, v.grants)],
    [
      "indexes",
      v.indexes?.length
        ? {
            kind: "array",
            items: v.indexes.map((i) =>
              indexCode(ctx, m, i, (name, bare) =>
                bare ? str(name) : raw(`new ${ctx.use(m, "IndexKey")}({ column: ${stringLiteral(name)} })`),
              ),
            ),
          }
        : undefined,
    ],
  ]);
  return ctx.dsl(
    m,
    v.materialized ? "materializedView" : "view",
    schemaArg(ctx, m, v.schema),
    str(v.name),
    definitionCode(ctx, m, v),
    ...options,
  );
};

/** The SELECT as a `sql` template with the relations it depends on spliced in as handles. */
const definitionCode = (ctx: PullContext, m: ModuleState, v: View): Code => {
  ctx.use(m, "sql");
  const handles = (v.dependsOn ?? []).flatMap((d) => {
    const kind = relationKind(ctx, d.schema, d.name);
    const handle = kind === undefined ? undefined : ctx.ref(m, d.schema, d.name, kind, true);
    return handle === undefined ? [] : [{ text: quoteQualified(d.schema, d.name), handle }];
  });
  const parts: string[] = [];
  const holes: string[] = [];
  let rest = v.definition;
  for (;;) {
    const next = firstMention(rest, handles);
    if (!next) break;
    parts.push(rest.slice(0, next.at));
    holes.push(next.handle);
    rest = rest.slice(next.at + next.text.length);
  }
  parts.push(rest);
  const spliced = new Set(holes);
  for (const d of v.dependsOn ?? []) {
    const handle = handles.find((h) => h.text === quoteQualified(d.schema, d.name))?.handle;
    if (handle === undefined || !spliced.has(handle)) {
      ctx.warnings.push(
        `${v.schema}.${v.name}: reads ${d.schema}.${d.name}, which could not be referenced by its handle in the definition (another module imports this one, or the text names it differently); interpolate its handle in the sql template by hand so the view is created after it`,
      );
    }
  }
  return sqlTemplate(parts, holes);
};

const relationKind = (ctx: PullContext, schema: string, name: string): string | undefined => {
  if (ctx.catalog.tables.some((t) => t.schema === schema && t.name === name)) return "table";
  if (ctx.catalog.views.some((t) => t.schema === schema && t.name === name)) return "view";
  return undefined;
};

/** The earliest whole-name mention of any handle's qualified name in `text`. */
const firstMention = (
  text: string,
  handles: readonly { readonly text: string; readonly handle: string }[],
): { at: number; text: string; handle: string } | undefined => {
  let best: { at: number; text: string; handle: string } | undefined;
  for (const h of handles) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(h.text, from);
      if (at < 0) break;
      const before = at === 0 ? "" : (text[at - 1] ?? "");
      const after = text[at + h.text.length] ?? "";
      if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) {
        if (!best || at < best.at) best = { at, ...h };
        break;
      }
      from = at + 1;
    }
  }
  return best;
};
