import {
  type ColumnUpdateNode,
  type InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
} from "kysely";
import pgvector from "pgvector";
import type { ColumnCodecs } from "./db.js";

type Codec = "json" | "vector";

/**
 * Both drivers send a JS array as a PostgreSQL array literal (`{1,2}`), which pgvector rejects and
 * which is not JSON, and send a JS string to jsonb unquoted. So values written to json/jsonb and
 * vector/halfvec columns are serialised here, by column, from the generated `columnCodecs`:
 * `number[]` → `[1,2]`, any JSON value → its JSON text. Values of other columns, SQL expressions and
 * nulls pass through untouched.
 */
const encode = (codec: Codec, value: unknown): unknown => {
  if (value === null || value === undefined) return value;
  if (codec === "vector") return Array.isArray(value) ? pgvector.toSql(value) : value;
  return JSON.stringify(value);
};

const relationOf = (node: OperationNode | undefined): string | undefined => {
  if (!node) return undefined;
  if (node.kind === "AliasNode") return relationOf((node as unknown as { node: OperationNode }).node);
  if (node.kind !== "TableNode") return undefined;
  const { schema, identifier } = (
    node as unknown as { table: { schema?: { name: string }; identifier: { name: string } } }
  ).table;
  return !schema || schema.name === "public" ? identifier.name : `${schema.name}.${identifier.name}`;
};

const columnName = (node: OperationNode): string | undefined =>
  node.kind === "ColumnNode" ? (node as unknown as { column: { name: string } }).column.name : undefined;

class CodecTransformer extends OperationNodeTransformer {
  readonly #codecs: ColumnCodecs;
  constructor(codecs: ColumnCodecs) {
    super();
    this.#codecs = codecs;
  }

  #encodeNode(codec: Codec | undefined, node: OperationNode): OperationNode {
    if (!codec || !ValueNode.is(node)) return node;
    return { ...node, value: encode(codec, node.value) } as ValueNode;
  }

  #encodeUpdates(relation: Record<string, Codec> | undefined, updates: readonly ColumnUpdateNode[] | undefined) {
    if (!relation || !updates) return updates;
    return updates.map((u) => {
      const name = columnName(u.column);
      return name ? { ...u, value: this.#encodeNode(relation[name], u.value) } : u;
    });
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const result = super.transformInsertQuery(node);
    const relation = this.#codecs[relationOf(result.into) ?? ""];
    if (!relation) return result;
    const codecs = (result.columns ?? []).map((c) => relation[c.column.name]);
    let values = result.values;
    if (values && ValuesNode.is(values) && codecs.some((c) => c)) {
      values = ValuesNode.create(
        values.values.map((row) =>
          PrimitiveValueListNode.is(row)
            ? PrimitiveValueListNode.create(row.values.map((v, i) => (codecs[i] ? encode(codecs[i], v) : v)))
            : ValueListNode.create(row.values.map((v, i) => this.#encodeNode(codecs[i], v))),
        ),
      );
    }
    const onConflict = result.onConflict?.updates
      ? { ...result.onConflict, updates: this.#encodeUpdates(relation, result.onConflict.updates) }
      : result.onConflict;
    return { ...result, values, onConflict } as InsertQueryNode;
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const result = super.transformUpdateQuery(node);
    const relation = this.#codecs[relationOf(result.table) ?? ""];
    return relation ? { ...result, updates: this.#encodeUpdates(relation, result.updates) } : result;
  }
}

/** The Kysely plugin createDb installs; exported for a Kysely instance built by hand. */
export class ColumnCodecsPlugin implements KyselyPlugin {
  readonly #transformer: CodecTransformer;
  constructor(codecs: ColumnCodecs) {
    this.#transformer = new CodecTransformer(codecs);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
