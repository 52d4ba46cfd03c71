/**
 * A small "service" written the way other services use the platform database: it imports only
 * @platform/types, and every query below is fully typed by the generated `DB` (a wrong table, column or
 * value would not compile; see ../type-errors.test.ts).
 */

import type { DB } from "@platform/types";
import { cosineDistance, type Row } from "@platform/types";
import { type Kysely, sql, type Transaction } from "kysely";

export type Db = Kysely<DB>;

/** The k text chunks nearest to `embedding` by cosine distance (`<=>`, served by the ivfflat index). */
export const similarTexts = (db: Db | Transaction<DB>, embedding: number[], k: number) =>
  db
    .selectFrom("data_platform.text_embeddings")
    .select(["id", "text_content", cosineDistance("embedding", embedding).as("distance")])
    .orderBy(cosineDistance("embedding", embedding))
    .limit(k);

/** Documents whose metadata contains `filter` (`@>`, served by the jsonb_path_ops GIN index). */
export const documentsMatching = (db: Db | Transaction<DB>, filter: Record<string, string | number | boolean>) =>
  db
    .selectFrom("data_platform.documents")
    .select(["id", "title", "metadata"])
    .where("metadata", "@>", sql<Row<"data_platform.documents">["metadata"]>`${JSON.stringify(filter)}::jsonb`)
    .orderBy("title");

/**
 * Runs `work` as the application role for one user: the transaction sets `app.current_user_id` with
 * `set_config(..., true)` (transaction-local, so a pooled connection never carries it into the next
 * request) and switches to `app_role`, so row level security applies.
 */
export const asUser = <T>(db: Db, userId: string | null, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('app.current_user_id', ${userId ?? ""}, true)`.execute(trx);
    await sql`SET LOCAL ROLE app_role`.execute(trx);
    return work(trx);
  });

/** The documents the current user may read: their own and the public ones (policy documents_select_visible). */
export const visibleDocuments = (trx: Transaction<DB>) =>
  trx.selectFrom("data_platform.documents").select(["title", "owner_id", "is_public"]).orderBy("title").execute();

/** The current user's events (policy events_select_own on the partitioned table). */
export const myEvents = (trx: Transaction<DB>) =>
  trx
    .selectFrom("data_platform.events")
    .select(["user_id", "event_type", "event_data"])
    .orderBy("occurred_at")
    .execute();
