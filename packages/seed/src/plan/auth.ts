/** `auth`: organizations, the admin user, sample users, groups, memberships and API keys. */
import type { NewRow } from "@platform/types";
import { seedId, sha256 } from "../ids.js";
import { rng } from "../prng.js";
import { FIRST_NAMES, GROUPS, LAST_NAMES, ORGANIZATION_NAMES } from "./names.js";
import { ADMIN_EMAIL, ADMIN_USERNAME, passwordHashes } from "./passwords.js";
import { at, CREATED_FROM } from "./time.js";
import type { Counts } from "./types.js";

export interface Organization {
  readonly id: string;
  readonly slug: string;
  readonly index: number;
}

export interface User {
  readonly id: string;
  readonly organization: Organization | undefined;
  readonly username: string;
}

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** `Acme AI`, then `Acme AI 2` … once the list is used up at larger scales. */
const organizationName = (index: number): string => {
  const base = ORGANIZATION_NAMES[index % ORGANIZATION_NAMES.length] as string;
  const round = Math.floor(index / ORGANIZATION_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
};

export const organizations = (counts: Counts): Organization[] =>
  Array.from({ length: counts.organizations }, (_, index) => {
    const slug = slugify(organizationName(index));
    return { id: seedId(`organization/${slug}`), slug, index };
  });

export const organizationRows = (orgs: readonly Organization[]): NewRow<"auth.organizations">[] =>
  orgs.map((org) => {
    const r = rng(`organization/${org.slug}`);
    return {
      id: org.id,
      name: organizationName(org.index),
      slug: org.slug,
      settings: { gpu_quota: r.pick([2, 4, 8, 16]), region: r.pick(["eu-west-1", "us-east-1", "ap-southeast-1"]) },
      created_at: at(CREATED_FROM, org.index * 60),
      updated_at: at(CREATED_FROM, org.index * 60),
    };
  });

export const sampleUsers = (orgs: readonly Organization[], counts: Counts): User[] =>
  orgs.flatMap((org) =>
    Array.from({ length: counts.usersPerOrganization }, (_, n) => {
      const r = rng(`user/${org.slug}/${n}`);
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const username = `${slugify(first)}.${slugify(last)}.${org.index * counts.usersPerOrganization + n + 1}`;
      return { id: seedId(`user/${username}`), organization: org, username };
    }),
  );

export const userRows = (adminId: string, users: readonly User[]): NewRow<"auth.users">[] => {
  const hashes = passwordHashes();
  const admin: NewRow<"auth.users"> = {
    id: adminId,
    organization_id: null,
    username: ADMIN_USERNAME,
    email: ADMIN_EMAIL,
    password_hash: hashes.admin,
    first_name: "Platform",
    last_name: "Admin",
    role: "admin",
    is_active: true,
    is_superuser: true,
    profile: { locale: "en-US", theme: "system" },
    created_at: at(CREATED_FROM, 0),
    updated_at: at(CREATED_FROM, 0),
  };
  const others = users.map((user, n): NewRow<"auth.users"> => {
    const r = rng(`user-row/${user.username}`);
    const [first, last] = user.username.split(".");
    const joined = at(CREATED_FROM, 120 + n * 37);
    return {
      id: user.id,
      organization_id: user.organization?.id ?? null,
      username: user.username,
      email: `${user.username}@${user.organization?.slug ?? "platform"}.example.com`,
      password_hash: hashes.sample,
      first_name: first ? first.charAt(0).toUpperCase() + first.slice(1) : null,
      last_name: last ? last.charAt(0).toUpperCase() + last.slice(1) : null,
      role: n % 8 === 0 ? "owner" : r.pick(["admin", "member", "member", "member", "viewer"] as const),
      is_active: !r.chance(0.05),
      is_superuser: false,
      profile: { locale: r.pick(["en-US", "zh-CN", "de-DE", "pt-BR"]), theme: r.pick(["dark", "light"]) },
      last_login: r.chance(0.8) ? at("2026-03-01", r.int(0, 30 * 24 * 60)) : null,
      created_at: joined,
      updated_at: joined,
    };
  });
  return [admin, ...others];
};

export const groupId = (name: string): string => seedId(`group/${name}`);

export const groupRows = (): NewRow<"auth.groups">[] =>
  GROUPS.map((group, n) => ({
    id: groupId(group.name),
    name: group.name,
    description: group.description,
    created_at: at(CREATED_FROM, n),
    updated_at: at(CREATED_FROM, n),
  }));

/** The admin is a platform admin; every sample user is in one or two groups. */
export const membershipRows = (adminId: string, users: readonly User[]): NewRow<"auth.group_memberships">[] => {
  const rows: NewRow<"auth.group_memberships">[] = [
    { group_id: groupId("platform-admins"), user_id: adminId, created_at: at(CREATED_FROM, 0) },
  ];
  users.forEach((user, n) => {
    const r = rng(`membership/${user.username}`);
    const names = GROUPS.map((g) => g.name).filter((name) => name !== "platform-admins");
    const first = r.pick(names);
    const chosen = r.chance(0.4) ? [first, r.pick(names.filter((name) => name !== first))] : [first];
    for (const name of chosen)
      rows.push({ group_id: groupId(name), user_id: user.id, created_at: at(CREATED_FROM, 200 + n) });
  });
  return rows;
};

export interface ApiKey {
  readonly id: string;
  readonly userId: string;
  readonly organization: Organization | undefined;
  readonly row: NewRow<"auth.api_keys">;
}

/** One key for the admin and one per sample user; the key text exists only here, the table keeps its SHA-256. */
export const apiKeys = (adminId: string, users: readonly User[]): ApiKey[] =>
  [{ id: adminId, organization: undefined, username: ADMIN_USERNAME }, ...users].map((user, n) => {
    const r = rng(`api-key/${user.username}`);
    const secret = Array.from({ length: 8 }, () => r.int(0, 0xffffffff).toString(16).padStart(8, "0")).join("");
    const key = `pdb_${secret}`;
    const id = seedId(`api-key/${user.username}`);
    const created = at("2026-02-01", n * 11);
    return {
      id,
      userId: user.id,
      organization: user.organization,
      row: {
        id,
        user_id: user.id,
        organization_id: user.organization?.id ?? null,
        name: user.organization ? `${user.username} default key` : "platform automation",
        key_prefix: key.slice(0, 12),
        key_hash: sha256(key),
        scopes: user.organization ? r.pick([["models:read"], ["models:read", "endpoints:invoke"], ["*"]]) : ["*"],
        expires_at: r.chance(0.3) ? at("2027-01-01", 0) : null,
        last_used_at: at("2026-03-30", r.int(0, 24 * 60)),
        revoked_at: n > 0 && n % 9 === 0 ? at("2026-03-15", 0) : null,
        created_at: created,
      },
    };
  });
