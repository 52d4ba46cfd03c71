import type { Insertable, Selectable, Updateable } from "kysely";
import type { DB } from "./db.js";

/** A relation of the platform database, as `DB` keys it: `"auth.users"`, `"monitoring.daily_stats"`. */
export type RelationName = keyof DB & string;

/**
 * A row as a SELECT returns it. `Row<"auth.users">["created_at"]` is a `Date`.
 * @example const user: Row<"auth.users"> = await db.selectFrom("auth.users").selectAll().executeTakeFirstOrThrow();
 */
export type Row<T extends RelationName> = Selectable<DB[T]>;

/** What an INSERT takes: defaulted and nullable columns optional, `GENERATED ALWAYS` ones absent. */
export type NewRow<T extends RelationName> = Insertable<DB[T]>;

/** What an UPDATE takes: every writable column optional. */
export type RowUpdate<T extends RelationName> = Updateable<DB[T]>;
