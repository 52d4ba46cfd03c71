/**
 * `CREATE INDEX`: any method (btree, hash, gin, gist, brin, hnsw, ivfflat), per-key opclass/order/collation,
 * expressions, INCLUDE, partial WHERE, UNIQUE, storage parameters. Unnamed indexes get PostgreSQL's
 * name `<table>_<keys>_idx` (an expression key counts as its function name, or `expr`).
 */
import type { IndexMethod } from "../catalog/model.js";
import { type ColumnLike, type IndexKey, type KeyLike, toIndexKey } from "./column.js";
import type { SqlExpression } from "./sql.js";

export interface IndexState {
  readonly name?: string;
  readonly method?: IndexMethod;
  readonly unique?: boolean;
  readonly nullsNotDistinct?: boolean;
  readonly keys: readonly IndexKey[];
  readonly include?: readonly ColumnLike[];
  readonly where?: SqlExpression;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly comment?: string;
}

export class IndexSpec {
  readonly kind = "index" as const;
  constructor(readonly state: IndexState) {}
  private with_(patch: Partial<IndexState>): IndexSpec {
    return new IndexSpec({ ...this.state, ...patch });
  }
  /** Keys in order: columns (`t.email`, `t.created_at.desc()`), `key(sql\`lower(${t.email})\`)`, or `sql` expressions. */
  on(...keys: readonly KeyLike[]): IndexSpec {
    return this.with_({ keys: keys.map(toIndexKey) });
  }
  /** `USING method (keys)`: `index().using("hnsw", t.embedding.op("vector_cosine_ops"))`. */
  using(method: IndexMethod, ...keys: readonly KeyLike[]): IndexSpec {
    return this.with_({ method, ...(keys.length > 0 ? { keys: keys.map(toIndexKey) } : {}) });
  }
  unique(): IndexSpec {
    return this.with_({ unique: true });
  }
  nullsNotDistinct(): IndexSpec {
    return this.with_({ nullsNotDistinct: true });
  }
  include(...columns: readonly ColumnLike[]): IndexSpec {
    return this.with_({ include: columns });
  }
  /** Partial index: `.where(sql\`${t.deleted_at} IS NULL\`)`. */
  where(predicate: SqlExpression): IndexSpec {
    return this.with_({ where: predicate });
  }
  /** Storage parameters: `{ lists: 100 }`, `{ m: 16, ef_construction: 64 }`, `{ pages_per_range: 32 }`. */
  with(parameters: Readonly<Record<string, string | number | boolean>>): IndexSpec {
    return this.with_({ with: parameters });
  }
  comment(text: string): IndexSpec {
    return this.with_({ comment: text });
  }
}

/**
 * @example
 * indexes: [
 *   index().on(t.email),                                   // users_email_idx
 *   index("users_created_at_idx").on(t.created_at.desc()),
 *   index().using("gin", t.metadata.op("jsonb_path_ops")),
 *   index().using("hnsw", t.embedding.op("vector_cosine_ops")).with({ m: 16, ef_construction: 64 }),
 *   index().on(t.tenant_id).where(sql`${t.deleted_at} IS NULL`),
 * ]
 */
export const index = (name?: string): IndexSpec => new IndexSpec({ ...(name ? { name } : {}), keys: [] });

/** `uniqueIndex(name?)` is `index(name).unique()`. */
export const uniqueIndex = (name?: string): IndexSpec => index(name).unique();
