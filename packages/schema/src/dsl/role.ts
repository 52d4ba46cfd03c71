/** Cluster roles. `role(name)` is a NOLOGIN group role, as the platform's `app_role` and `readonly_role`. */

import { compareKeys } from "../catalog/identity.js";
import type { Role } from "../catalog/model.js";
import { compact, DECLARATION, type Declaration, type RoleLike, roleName } from "./declaration.js";

export interface RoleOptions {
  readonly login?: boolean;
  /** PostgreSQL's default is INHERIT; pass `false` for NOINHERIT. */
  readonly inherit?: boolean;
  readonly bypassRls?: boolean;
  readonly memberOf?: readonly RoleLike[];
  readonly comment?: string;
}

export interface RoleHandle extends Declaration<"role"> {
  readonly name: string;
  readonly options: RoleOptions;
}

/** @example export const appRole = role("app_role", { comment: "what the services connect as" }) */
export const role = (name: string, options: RoleOptions = {}): RoleHandle => ({
  [DECLARATION]: "role",
  name,
  options,
});

export const lowerRole = (handle: RoleHandle): Role => {
  const { login, inherit, bypassRls, memberOf, comment } = handle.options;
  return compact({
    name: handle.name,
    login,
    inherit: inherit ?? true,
    bypassRls,
    memberOf: memberOf ? [...new Set(memberOf.map(roleName))].sort(compareKeys) : undefined,
    comment,
  });
};
