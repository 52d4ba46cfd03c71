import type { EnumType, QualifiedName } from "@platform/schema";
import { type DiffContext, matchByKey } from "./context.js";
import { namesType } from "./type-ref.js";

/** A column whose type is the enum (or an array of it), as the target catalog declares it. */
export interface EnumUsage {
  readonly table: QualifiedName;
  readonly column: string;
  readonly type: string;
  readonly default?: string;
}

export type EnumChange =
  | { readonly kind: "enum.create"; readonly enum: EnumType }
  | { readonly kind: "enum.drop"; readonly enum: EnumType }
  /** `ALTER TYPE ... ADD VALUE`, placed before the next existing value so the declared order holds */
  | {
      readonly kind: "enum.add-value";
      readonly enum: QualifiedName;
      readonly value: string;
      readonly before?: string;
      readonly after?: string;
    }
  /**
   * PostgreSQL cannot remove or reorder enum values: the type is rebuilt (rename old, create new, convert
   * every column through text, drop old). Rows holding a removed value make the conversion fail: destructive.
   */
  | {
      readonly kind: "enum.rebuild";
      readonly from: EnumType;
      readonly to: EnumType;
      readonly usages: readonly EnumUsage[];
    };

export const diffEnums = (ctx: DiffContext): EnumChange[] => {
  const { added, removed, kept } = matchByKey(ctx.from.enums, ctx.to.enums, (e) => `${e.schema}.${e.name}`);
  return [
    ...added.map((e): EnumChange => ({ kind: "enum.create", enum: e })),
    ...removed.map((e): EnumChange => ({ kind: "enum.drop", enum: e })),
    ...kept.flatMap(([a, b]) => diffValues(ctx, a, b)),
  ];
};

const diffValues = (ctx: DiffContext, from: EnumType, to: EnumType): EnumChange[] => {
  if (from.values.join("\u0000") === to.values.join("\u0000")) return [];
  const kept = to.values.filter((v) => from.values.includes(v));
  const orderKept = kept.join("\u0000") === from.values.filter((v) => to.values.includes(v)).join("\u0000");
  if (kept.length !== from.values.length || !orderKept) {
    return [{ kind: "enum.rebuild", from, to, usages: usagesOf(ctx, to) }];
  }
  const name = { schema: to.schema, name: to.name };
  return to.values.flatMap((value, i): EnumChange[] => {
    if (from.values.includes(value)) return [];
    const next = to.values.slice(i + 1).find((v) => from.values.includes(v));
    const previous = to.values[i - 1];
    // Anchor on an existing value that follows; without one, append after the previous declared value.
    if (next !== undefined) return [{ kind: "enum.add-value", enum: name, value, before: next }];
    return [{ kind: "enum.add-value", enum: name, value, ...(previous !== undefined ? { after: previous } : {}) }];
  });
};

/** Columns of the enum that exist before and after (columns added in the same diff are created with the new type). */
const usagesOf = (ctx: DiffContext, e: EnumType): EnumUsage[] =>
  ctx.to.tables.flatMap((t) =>
    t.columns
      .filter((c) => namesType(c.type, e) && hadEnumColumn(ctx, t.schema, t.name, c.name, e))
      .map(
        (c): EnumUsage => ({
          table: { schema: t.schema, name: t.name },
          column: c.name,
          type: c.type,
          ...(c.default !== undefined ? { default: c.default } : {}),
        }),
      ),
  );

const hadEnumColumn = (ctx: DiffContext, schema: string, table: string, column: string, e: EnumType): boolean =>
  ctx.from.tables.some(
    (t) => t.schema === schema && t.name === table && t.columns.some((c) => c.name === column && namesType(c.type, e)),
  );
