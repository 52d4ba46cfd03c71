/**
 * Table-level constraints: `primaryKey`, `unique`, `check`, `foreignKey`, `exclude`. Unnamed ones get the
 * names PostgreSQL would give them (`<table>_pkey`, `<table>_<cols>_key`, `<table>_<cols>_fkey`,
 * `<table>_<col>_check`, `<table>_<cols>_excl`).
 */
import type { Deferrable, IndexMethod, ReferentialAction } from "../catalog/model.js";
import { type ColumnLike, type ColumnRef, type IndexKey, type KeyLike, toIndexKey } from "./column.js";
import type { SqlExpression } from "./sql.js";

export interface PrimaryKeySpec {
  readonly kind: "primaryKey";
  readonly name?: string;
  readonly columns: readonly ColumnLike[];
  readonly include?: readonly ColumnLike[];
  readonly comment?: string;
}

/**
 * @example primaryKey: primaryKey(t.id, t.created_at)
 * @example primaryKey: primaryKey({ name: "events_pk", columns: [t.id, t.created_at] })
 */
export function primaryKey(...columns: readonly ColumnLike[]): PrimaryKeySpec;
export function primaryKey(spec: {
  readonly name?: string;
  readonly columns: readonly ColumnLike[];
  readonly include?: readonly ColumnLike[];
  readonly comment?: string;
}): PrimaryKeySpec;
export function primaryKey(...args: readonly unknown[]): PrimaryKeySpec {
  const [first] = args;
  if (args.length === 1 && typeof first === "object" && first !== null && "columns" in first) {
    return { kind: "primaryKey", ...(first as Omit<PrimaryKeySpec, "kind">) };
  }
  return { kind: "primaryKey", columns: args as ColumnLike[] };
}

export interface UniqueState {
  readonly name?: string;
  readonly columns: readonly ColumnLike[];
  readonly include?: readonly ColumnLike[];
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

export class UniqueSpec {
  readonly kind = "unique" as const;
  constructor(readonly state: UniqueState) {}
  private with(patch: Partial<UniqueState>): UniqueSpec {
    return new UniqueSpec({ ...this.state, ...patch });
  }
  on(...columns: readonly ColumnLike[]): UniqueSpec {
    return this.with({ columns });
  }
  include(...columns: readonly ColumnLike[]): UniqueSpec {
    return this.with({ include: columns });
  }
  /** `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+): two NULLs collide. */
  nullsNotDistinct(): UniqueSpec {
    return this.with({ nullsNotDistinct: true });
  }
  deferrable(mode: Deferrable = "deferrable initially immediate"): UniqueSpec {
    return this.with({ deferrable: mode });
  }
  comment(text: string): UniqueSpec {
    return this.with({ comment: text });
  }
}

/** @example uniques: [unique().on(t.name, t.version), unique("users_email_uq").on(t.email).nullsNotDistinct()] */
export const unique = (name?: string): UniqueSpec => new UniqueSpec({ ...(name ? { name } : {}), columns: [] });

export interface CheckConstraintSpec {
  readonly kind: "check";
  readonly name?: string;
  readonly expression: SqlExpression;
  readonly noInherit?: boolean;
  readonly comment?: string;
}

/**
 * @example checks: [check(sql`${t.expires_at} > ${t.created_at}`), check("positive_size", sql`${t.size} >= 0`)]
 */
export function check(expression: SqlExpression): CheckConstraintSpec;
export function check(
  name: string,
  expression: SqlExpression,
  options?: { readonly noInherit?: boolean; readonly comment?: string },
): CheckConstraintSpec;
export function check(
  nameOrExpression: string | SqlExpression,
  expression?: SqlExpression,
  options: { readonly noInherit?: boolean; readonly comment?: string } = {},
): CheckConstraintSpec {
  if (typeof nameOrExpression === "string") {
    if (!expression) throw new TypeError(`check("${nameOrExpression}") needs an expression`);
    return { kind: "check", name: nameOrExpression, expression, ...options };
  }
  return { kind: "check", expression: nameOrExpression };
}

export interface ForeignKeySpec {
  readonly kind: "foreignKey";
  readonly name?: string;
  readonly columns: readonly ColumnRef[];
  /** columns of the referenced table, in the same order */
  readonly references: readonly ColumnRef[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly match?: "simple" | "full";
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

/**
 * @example foreignKeys: [foreignKey({ columns: [t.model_id, t.version], references: [modelVersions.model_id, modelVersions.version], onDelete: "cascade" })]
 */
export const foreignKey = (spec: Omit<ForeignKeySpec, "kind">): ForeignKeySpec => ({ kind: "foreignKey", ...spec });

export interface ExclusionSpec {
  readonly kind: "exclusion";
  readonly name?: string;
  readonly using: IndexMethod;
  readonly elements: readonly { readonly key: IndexKey; readonly operator: string }[];
  readonly where?: SqlExpression;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}

/**
 * `EXCLUDE USING gist (room WITH =, during WITH &&)`.
 * @example exclusions: [exclude({ using: "gist", elements: [[t.room_id, "="], [t.during, "&&"]] })]
 */
export const exclude = (spec: {
  readonly name?: string;
  readonly using?: IndexMethod;
  readonly elements: readonly (readonly [KeyLike, string])[];
  readonly where?: SqlExpression;
  readonly deferrable?: Deferrable;
  readonly comment?: string;
}): ExclusionSpec => ({
  kind: "exclusion",
  ...spec,
  using: spec.using ?? "gist",
  elements: spec.elements.map(([key, operator]) => ({ key: toIndexKey(key), operator })),
});
