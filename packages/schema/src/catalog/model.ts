/**
 * The Catalog: the one model of a database. Declarations lower into it, introspection of a live
 * database produces it, diff compares two of them. Plain JSON-serialisable data, validated by zod.
 *
 * Conventions (shared by every stage):
 * - Names are SQL names, unquoted (`created_at`, `auth`). Quoting happens only when emitting SQL.
 * - Qualified references are objects `{ schema, name }`, never dotted strings, so a name with a dot works.
 * - Types are PostgreSQL's canonical spelling as `format_type()` prints it with `search_path = ''`
 *   minus `pg_catalog.` (`integer`, `character varying(255)`, `timestamp with time zone`,
 *   `numeric(12,2)`, `text[]`), user/extension types schema-qualified (`public.vector(1536)`,
 *   `auth.user_status`). `serial`, `bigserial`, `smallserial` are kept as pseudo-types.
 * - Expressions (defaults, checks, index WHERE, policies) are SQL text; comparison normalises them.
 * - Optional fields are omitted rather than set to `undefined` or `null`; booleans default to false.
 * - Arrays whose order PostgreSQL does not keep (grants, roles of a policy) are sorted.
 */
import { z } from "zod";

export const QualifiedName = z.object({ schema: z.string(), name: z.string() }).strict();
export type QualifiedName = z.infer<typeof QualifiedName>;

/** `GRANT privileges ON <object> TO grantee [WITH GRANT OPTION]`. Privileges upper case, sorted. */
export const Grant = z
  .object({
    grantee: z.string(),
    privileges: z.array(z.string()),
    withGrantOption: z.boolean().optional(),
  })
  .strict();
export type Grant = z.infer<typeof Grant>;

export const Extension = z
  .object({
    name: z.string(),
    schema: z.string().optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Extension = z.infer<typeof Extension>;

export const Schema = z
  .object({
    name: z.string(),
    comment: z.string().optional(),
    grants: z.array(Grant).optional(),
  })
  .strict();
export type Schema = z.infer<typeof Schema>;

/** Cluster-wide roles; the platform declares NOLOGIN group roles. */
export const Role = z
  .object({
    name: z.string(),
    login: z.boolean().optional(),
    inherit: z.boolean().optional(),
    bypassRls: z.boolean().optional(),
    memberOf: z.array(z.string()).optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Role = z.infer<typeof Role>;

export const Collation = z
  .object({
    schema: z.string(),
    name: z.string(),
    provider: z.enum(["icu", "libc", "builtin"]),
    locale: z.string(),
    deterministic: z.boolean(),
    comment: z.string().optional(),
  })
  .strict();
export type Collation = z.infer<typeof Collation>;

export const EnumType = z
  .object({
    schema: z.string(),
    name: z.string(),
    values: z.array(z.string()),
    comment: z.string().optional(),
  })
  .strict();
export type EnumType = z.infer<typeof EnumType>;

export const CheckConstraint = z
  .object({
    name: z.string(),
    expression: z.string(),
    noInherit: z.boolean().optional(),
    comment: z.string().optional(),
  })
  .strict();
export type CheckConstraint = z.infer<typeof CheckConstraint>;

export const Domain = z
  .object({
    schema: z.string(),
    name: z.string(),
    type: z.string(),
    notNull: z.boolean().optional(),
    default: z.string().optional(),
    collation: QualifiedName.optional(),
    checks: z.array(CheckConstraint).optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Domain = z.infer<typeof Domain>;

/** Integers that may exceed 2^53 are decimal strings. */
export const Sequence = z
  .object({
    schema: z.string(),
    name: z.string(),
    type: z.enum(["smallint", "integer", "bigint"]).optional(),
    start: z.string().optional(),
    increment: z.string().optional(),
    min: z.string().optional(),
    max: z.string().optional(),
    cache: z.string().optional(),
    cycle: z.boolean().optional(),
    ownedBy: z.object({ table: z.string(), column: z.string() }).strict().optional(),
    comment: z.string().optional(),
    grants: z.array(Grant).optional(),
  })
  .strict();
export type Sequence = z.infer<typeof Sequence>;

export const FunctionArgument = z
  .object({
    name: z.string().optional(),
    type: z.string(),
    mode: z.enum(["in", "out", "inout", "variadic"]).optional(),
    default: z.string().optional(),
  })
  .strict();
export type FunctionArgument = z.infer<typeof FunctionArgument>;

/** Identity of a function is (schema, name, input argument types): see `functionSignature`. */
export const FunctionDef = z
  .object({
    schema: z.string(),
    name: z.string(),
    args: z.array(FunctionArgument),
    /** `uuid`, `trigger`, `boolean`, `SETOF text`, `TABLE(id bigint, n text)` */
    returns: z.string(),
    language: z.enum(["sql", "plpgsql"]),
    body: z.string(),
    volatility: z.enum(["immutable", "stable", "volatile"]).optional(),
    strict: z.boolean().optional(),
    securityDefiner: z.boolean().optional(),
    parallel: z.enum(["unsafe", "restricted", "safe"]).optional(),
    leakproof: z.boolean().optional(),
    /** `SET search_path = ...` value, e.g. `pg_catalog, public`; empty string means `''`. */
    searchPath: z.string().optional(),
    comment: z.string().optional(),
    grants: z.array(Grant).optional(),
  })
  .strict();
export type FunctionDef = z.infer<typeof FunctionDef>;

export const Identity = z
  .object({
    generation: z.enum(["always", "by default"]),
    start: z.string().optional(),
    increment: z.string().optional(),
  })
  .strict();
export type Identity = z.infer<typeof Identity>;

export const Column = z
  .object({
    name: z.string(),
    type: z.string(),
    notNull: z.boolean().optional(),
    default: z.string().optional(),
    identity: Identity.optional(),
    /** `GENERATED ALWAYS AS (expression) STORED` */
    generated: z.string().optional(),
    collation: QualifiedName.optional(),
    comment: z.string().optional(),
    /** rename hint for diff: the column's previous name; diff never guesses renames */
    renamedFrom: z.string().optional(),
  })
  .strict();
export type Column = z.infer<typeof Column>;

export const Deferrable = z.enum(["not deferrable", "deferrable initially immediate", "deferrable initially deferred"]);
export type Deferrable = z.infer<typeof Deferrable>;

export const PrimaryKey = z
  .object({
    name: z.string(),
    columns: z.array(z.string()),
    include: z.array(z.string()).optional(),
    comment: z.string().optional(),
  })
  .strict();
export type PrimaryKey = z.infer<typeof PrimaryKey>;

export const UniqueConstraint = z
  .object({
    name: z.string(),
    columns: z.array(z.string()),
    include: z.array(z.string()).optional(),
    nullsNotDistinct: z.boolean().optional(),
    deferrable: Deferrable.optional(),
    comment: z.string().optional(),
  })
  .strict();
export type UniqueConstraint = z.infer<typeof UniqueConstraint>;

export const ReferentialAction = z.enum(["no action", "restrict", "cascade", "set null", "set default"]);
export type ReferentialAction = z.infer<typeof ReferentialAction>;

export const ForeignKey = z
  .object({
    name: z.string(),
    columns: z.array(z.string()),
    references: z.object({ schema: z.string(), table: z.string(), columns: z.array(z.string()) }).strict(),
    onDelete: ReferentialAction.optional(),
    onUpdate: ReferentialAction.optional(),
    match: z.enum(["simple", "full"]).optional(),
    deferrable: Deferrable.optional(),
    comment: z.string().optional(),
  })
  .strict();
export type ForeignKey = z.infer<typeof ForeignKey>;

export const ExclusionConstraint = z
  .object({
    name: z.string(),
    using: z.string(),
    elements: z.array(
      z
        .object({
          column: z.string().optional(),
          expression: z.string().optional(),
          opclass: z.string().optional(),
          operator: z.string(),
        })
        .strict(),
    ),
    where: z.string().optional(),
    deferrable: Deferrable.optional(),
    comment: z.string().optional(),
  })
  .strict();
export type ExclusionConstraint = z.infer<typeof ExclusionConstraint>;

export const IndexMethod = z.enum(["btree", "hash", "gin", "gist", "spgist", "brin", "hnsw", "ivfflat"]);
export type IndexMethod = z.infer<typeof IndexMethod>;

/** One key of an index: exactly one of `column` or `expression`. */
export const IndexElement = z
  .object({
    column: z.string().optional(),
    expression: z.string().optional(),
    /** operator class, unqualified when in pg_catalog or the extension's schema (`vector_cosine_ops`) */
    opclass: z.string().optional(),
    collation: QualifiedName.optional(),
    order: z.enum(["asc", "desc"]).optional(),
    nulls: z.enum(["first", "last"]).optional(),
  })
  .strict();
export type IndexElement = z.infer<typeof IndexElement>;

export const Index = z
  .object({
    name: z.string(),
    method: IndexMethod.optional(),
    unique: z.boolean().optional(),
    nullsNotDistinct: z.boolean().optional(),
    elements: z.array(IndexElement),
    include: z.array(z.string()).optional(),
    where: z.string().optional(),
    /** storage parameters: `{ lists: "100" }`, `{ m: "16", ef_construction: "64" }` */
    with: z.record(z.string(), z.string()).optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Index = z.infer<typeof Index>;

export const Policy = z
  .object({
    name: z.string(),
    /** PERMISSIVE when omitted */
    restrictive: z.boolean().optional(),
    command: z.enum(["all", "select", "insert", "update", "delete"]).optional(),
    /** sorted; omitted means PUBLIC */
    roles: z.array(z.string()).optional(),
    using: z.string().optional(),
    withCheck: z.string().optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

export const TriggerEvent = z.enum(["insert", "update", "delete", "truncate"]);
export type TriggerEvent = z.infer<typeof TriggerEvent>;

export const Trigger = z
  .object({
    name: z.string(),
    timing: z.enum(["before", "after", "instead of"]),
    /** in the order insert, update, delete, truncate */
    events: z.array(TriggerEvent),
    updateOf: z.array(z.string()).optional(),
    level: z.enum(["row", "statement"]),
    when: z.string().optional(),
    function: QualifiedName,
    args: z.array(z.string()).optional(),
    comment: z.string().optional(),
  })
  .strict();
export type Trigger = z.infer<typeof Trigger>;

export const PartitionKey = z
  .object({
    column: z.string().optional(),
    expression: z.string().optional(),
    opclass: z.string().optional(),
    collation: QualifiedName.optional(),
  })
  .strict();
export type PartitionKey = z.infer<typeof PartitionKey>;

export const PartitionBy = z
  .object({
    strategy: z.enum(["range", "list", "hash"]),
    keys: z.array(PartitionKey),
  })
  .strict();
export type PartitionBy = z.infer<typeof PartitionBy>;

/**
 * Bound values are SQL literals as PostgreSQL prints them in `pg_get_expr(relpartbound)`:
 * `'2026-01-01 00:00:00+00'`, `MINVALUE`, `'active'`, `42`.
 */
export const PartitionBound = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("range"), from: z.array(z.string()), to: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal("list"), values: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal("hash"), modulus: z.number().int(), remainder: z.number().int() }).strict(),
  z.object({ kind: z.literal("default") }).strict(),
]);
export type PartitionBound = z.infer<typeof PartitionBound>;

/**
 * How rolling partitions of a RANGE-partitioned table are named and bounded. Declarations stay
 * date-independent: the template is data; creating partitions is an operational command, and verify
 * accepts partitions that match the template.
 * `naming` uses `{YYYY}`, `{MM}`, `{DD}` placeholders: `events_y{YYYY}m{MM}`.
 */
export const PartitionTemplate = z
  .object({
    interval: z.enum(["day", "month", "year"]),
    naming: z.string(),
    /** how many future partitions the operational command keeps ready */
    premake: z.number().int().nonnegative().optional(),
    /** partitions older than this many intervals may be dropped by the operational command */
    retain: z.number().int().positive().optional(),
    /**
     * rolling partitions are created UNLOGGED (PostgreSQL 18 refuses an UNLOGGED partitioned table, so
     * persistence is a property of the partitions, e.g. `request_logs`)
     */
    unlogged: z.boolean().optional(),
  })
  .strict();
export type PartitionTemplate = z.infer<typeof PartitionTemplate>;

export interface Partition {
  readonly name: string;
  readonly bound: PartitionBound;
  readonly unlogged?: boolean | undefined;
  readonly partitionBy?: PartitionBy | undefined;
  readonly partitions?: readonly Partition[] | undefined;
  readonly comment?: string | undefined;
}
export const Partition: z.ZodType<Partition> = z.lazy(() =>
  z
    .object({
      name: z.string(),
      bound: PartitionBound,
      unlogged: z.boolean().optional(),
      partitionBy: PartitionBy.optional(),
      partitions: z.array(Partition).optional(),
      comment: z.string().optional(),
    })
    .strict(),
);

export const Table = z
  .object({
    schema: z.string(),
    name: z.string(),
    unlogged: z.boolean().optional(),
    columns: z.array(Column),
    primaryKey: PrimaryKey.optional(),
    uniques: z.array(UniqueConstraint).optional(),
    checks: z.array(CheckConstraint).optional(),
    foreignKeys: z.array(ForeignKey).optional(),
    exclusions: z.array(ExclusionConstraint).optional(),
    indexes: z.array(Index).optional(),
    partitionBy: PartitionBy.optional(),
    /** partitions live in the parent's schema */
    partitions: z.array(Partition).optional(),
    partitionTemplate: PartitionTemplate.optional(),
    rowLevelSecurity: z.enum(["enabled", "forced"]).optional(),
    policies: z.array(Policy).optional(),
    triggers: z.array(Trigger).optional(),
    comment: z.string().optional(),
    grants: z.array(Grant).optional(),
    /** rename hint for diff: the table's previous name in the same schema; diff never guesses renames */
    renamedFrom: z.string().optional(),
  })
  .strict();
export type Table = z.infer<typeof Table>;

/**
 * A column a view's SELECT produces. PostgreSQL derives these from the definition; declaring them
 * lets the Kysely types be generated without a database (verify can check them against `pg_attribute`).
 * `notNull` is a promise about the definition (PostgreSQL itself marks every view column nullable).
 */
export const ViewColumn = z
  .object({
    name: z.string(),
    type: z.string(),
    notNull: z.boolean().optional(),
    comment: z.string().optional(),
  })
  .strict();
export type ViewColumn = z.infer<typeof ViewColumn>;

export const View = z
  .object({
    schema: z.string(),
    name: z.string(),
    materialized: z.boolean().optional(),
    /** the SELECT, without a trailing semicolon */
    definition: z.string(),
    /** the output columns, in order; optional (needed by `migrate types`) */
    columns: z.array(ViewColumn).optional(),
    /** objects the definition reads; used to order creation */
    dependsOn: z.array(QualifiedName).optional(),
    /** materialized views only */
    indexes: z.array(Index).optional(),
    comment: z.string().optional(),
    grants: z.array(Grant).optional(),
  })
  .strict();
export type View = z.infer<typeof View>;

export const DefaultPrivilege = z
  .object({
    /** the role whose future objects get the privileges; omitted means the role running the migration */
    forRole: z.string().optional(),
    schema: z.string(),
    objectType: z.enum(["tables", "sequences", "functions", "types"]),
    grantee: z.string(),
    privileges: z.array(z.string()),
  })
  .strict();
export type DefaultPrivilege = z.infer<typeof DefaultPrivilege>;

export const Catalog = z
  .object({
    extensions: z.array(Extension),
    schemas: z.array(Schema),
    roles: z.array(Role),
    collations: z.array(Collation),
    enums: z.array(EnumType),
    domains: z.array(Domain),
    sequences: z.array(Sequence),
    functions: z.array(FunctionDef),
    tables: z.array(Table),
    views: z.array(View),
    defaultPrivileges: z.array(DefaultPrivilege),
  })
  .strict();
export type Catalog = z.infer<typeof Catalog>;

export const emptyCatalog = (): Catalog => ({
  extensions: [],
  schemas: [],
  roles: [],
  collations: [],
  enums: [],
  domains: [],
  sequences: [],
  functions: [],
  tables: [],
  views: [],
  defaultPrivileges: [],
});
