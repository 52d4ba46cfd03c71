/** Row level security policies. The table must say `rowLevelSecurity: "enabled"` (or `"forced"`). */
import type { Policy } from "../catalog/model.js";
import type { RoleLike } from "./declaration.js";
import type { SqlExpression } from "./sql.js";

export interface PolicySpec {
  readonly name: string;
  /** PERMISSIVE unless `"restrictive"` */
  readonly as?: "permissive" | "restrictive";
  readonly for?: NonNullable<Policy["command"]>;
  /** omitted means PUBLIC */
  readonly to?: RoleLike | readonly RoleLike[];
  readonly using?: SqlExpression;
  readonly withCheck?: SqlExpression;
  readonly comment?: string;
}

/**
 * @example
 * policies: [
 *   policy("events_owner", {
 *     for: "select",
 *     to: appRole,
 *     using: sql`${t.user_id} = nullif(current_setting('app.current_user_id', true), '')::uuid`,
 *   }),
 * ]
 */
export const policy = (name: string, options: Omit<PolicySpec, "name"> = {}): PolicySpec => ({ name, ...options });
