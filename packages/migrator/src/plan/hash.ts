import { createHash } from "node:crypto";
import type { Catalog } from "@platform/schema";
import { canonicalJson } from "../diff/context.js";

/**
 * `sha256:<hex>` of the Catalog's canonical JSON (keys sorted, undefined dropped): the identity of a
 * schema state. A plan records the hash it starts from, so it is never applied to another state.
 */
export const catalogHash = (catalog: Catalog): string => {
  const known = hashes.get(catalog);
  if (known !== undefined) return known;
  const hash = `sha256:${createHash("sha256").update(canonicalJson(catalog)).digest("hex")}`;
  hashes.set(catalog, hash);
  return hash;
};

// Catalogs are immutable values, so a hash computed once per object stays true; generate plans the same
// two catalogs several times (forward plan, then each file's down plan) and re-hashing dominated its profile.
const hashes = new WeakMap<Catalog, string>();
