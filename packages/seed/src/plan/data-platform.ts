/** `data_platform`: data sources and datasets per organization, a document per user, storage records. */
import type { NewRow } from "@platform/types";
import { seedId } from "../ids.js";
import { rng } from "../prng.js";
import { unitVector } from "../vectors.js";
import type { Organization, User } from "./auth.js";
import { DATASET_FORMATS, SOURCE_TYPES, WORDS } from "./names.js";
import { at, CREATED_FROM, STORAGE_RANGE, spread, within } from "./time.js";
import type { Counts } from "./types.js";

export const sentence = (seed: string, words: number): string => {
  const r = rng(seed);
  const text = Array.from({ length: words }, () => r.pick(WORDS)).join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

const connectionInfo = (type: string, org: Organization, n: number): Record<string, string | number> => {
  switch (type) {
    case "postgresql":
    case "mysql":
      return { host: `${type}-${n}.${org.slug}.internal`, port: type === "mysql" ? 3306 : 5432, database: "warehouse" };
    case "s3":
      return { bucket: `${org.slug}-raw`, prefix: `ingest/${n}/`, region: "eu-west-1" };
    case "kafka":
      return { brokers: `kafka-${n}.${org.slug}.internal:9092`, topic: "events" };
    default:
      return { url: `https://api.${org.slug}.example.com/export/${n}` };
  }
};

export interface Dataset {
  readonly id: string;
  readonly organization: Organization;
}

export const dataSourceRows = (
  orgs: readonly Organization[],
  ownerOf: (org: Organization) => string,
): NewRow<"data_platform.data_sources">[] =>
  orgs.flatMap((org) =>
    [0, 1].map((n): NewRow<"data_platform.data_sources"> => {
      const type = SOURCE_TYPES[(org.index * 2 + n) % SOURCE_TYPES.length] as string;
      return {
        id: seedId(`data-source/${org.slug}/${n}`),
        name: `${org.slug} ${type} ${n + 1}`,
        description: `${type} source of ${org.slug}`,
        source_type: type,
        // secrets are vault references, as the column comment requires
        connection_info: { ...connectionInfo(type, org, n), secret_ref: `vault://${org.slug}/data-source-${n}` },
        created_by: ownerOf(org),
        is_active: n === 0 || org.index % 2 === 0,
        created_at: at(CREATED_FROM, 600 + org.index * 10 + n),
        updated_at: at(CREATED_FROM, 600 + org.index * 10 + n),
      };
    }),
  );

export const datasets = (orgs: readonly Organization[]): Dataset[] =>
  orgs.flatMap((org) => [0, 1, 2, 3].map((n) => ({ id: seedId(`dataset/${org.slug}/${n}`), organization: org })));

export const datasetRows = (
  all: readonly Dataset[],
  ownerOf: (org: Organization) => string,
): NewRow<"data_platform.datasets">[] =>
  all.map((dataset, n) => {
    const org = dataset.organization;
    const r = rng(`dataset-row/${dataset.id}`);
    const rows = r.int(10_000, 5_000_000);
    return {
      id: dataset.id,
      data_source_id: seedId(`data-source/${org.slug}/${n % 2}`),
      name: `${org.slug}-${r.pick(["customers", "transactions", "tickets", "clicks", "catalog"])}-v${(n % 4) + 1}`,
      description: sentence(`dataset-description/${dataset.id}`, 8),
      format: r.pick(DATASET_FORMATS),
      schema_definition: {
        columns: [
          { name: "id", type: "string" },
          { name: "text", type: "string" },
          { name: "label", type: r.pick(["int", "string", "float"]) },
        ],
      },
      row_count: rows,
      size_bytes: rows * r.int(80, 2000),
      created_by: ownerOf(org),
      created_at: at(CREATED_FROM, 700 + n),
      updated_at: at(CREATED_FROM, 700 + n),
    };
  });

/** Six decimals, as the bulk embeddings: enough for sample data, and the same text on every run. */
const rounded = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 1e6) / 1e6);

export const documentRows = (users: readonly User[], withEmbedding: boolean): NewRow<"data_platform.documents">[] =>
  users.map((user, n) => {
    const r = rng(`document/${user.username}`);
    const title = sentence(`document-title/${user.username}`, 4).slice(0, -1);
    const row: NewRow<"data_platform.documents"> = {
      id: seedId(`document/${user.username}`),
      owner_id: user.id,
      title,
      content: Array.from({ length: 4 }, (_, i) => sentence(`document-body/${user.username}/${i}`, 14)).join(" "),
      metadata: { tags: [r.pick(["howto", "runbook", "notes"]), r.pick(["ml", "data", "ops"])], words: 56 },
      is_public: n % 3 === 0,
      created_at: at("2026-02-10", n * 13),
      updated_at: at("2026-02-10", n * 13),
    };
    return withEmbedding ? { ...row, embedding: rounded(unitVector(r, 1536)) } : row;
  });

export const storageRecordRows = (counts: Counts): NewRow<"data_platform.storage_records">[] =>
  Array.from({ length: counts.storageRecords }, (_, n) => {
    const r = rng(`storage-record/${n}`);
    const created = within(STORAGE_RANGE, spread(n));
    const session = `sess-${r.int(1, 9999).toString().padStart(4, "0")}`;
    return {
      id: `rec-${String(n + 1).padStart(6, "0")}`,
      data: { step: n, payload: sentence(`storage-data/${n}`, 6), score: r.int(0, 1000) / 1000 },
      created_at: created,
      updated_at: created,
      expires_at: r.chance(0.5) ? new Date(created.getTime() + r.int(1, 90) * 86_400_000) : null,
      compressed: false,
      type: r.pick(["checkpoint", "conversation", "cache"]),
      session_id: session,
      thread_id: `${session}/thread-${r.int(1, 3)}`,
      metadata: { source: "seed" },
    };
  });
