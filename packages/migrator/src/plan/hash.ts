import { createHash } from "node:crypto";
import type { Catalog } from "@platform/schema";
import { canonicalJson } from "../diff/context.js";

/**
 * `sha256:<hex>` of the Catalog's canonical JSON (keys sorted, undefined dropped): the identity of a
 * schema state. A plan records the hash it starts from, so it is never applied to another state.
 */
export const catalogHash = (catalog: Catalog): string =>
  `sha256:${createHash("sha256").update(canonicalJson(catalog)).digest("hex")}`;
