import { createHash } from "node:crypto";
import { type Catalog, compareKeys } from "@platform/schema";
import { canonicalForm, UNSORTABLE } from "../diff/context.js";

/**
 * The Catalog as a snapshot file holds it: keys sorted at every level, two-space indented, one
 * trailing newline, without rename hints (they describe a step, not a state). Same Catalog →
 * byte-identical text.
 */
export const catalogText = (catalog: Catalog): string => {
  const known = texts.get(catalog);
  if (known !== undefined) return known;
  const form = canonicalForm(catalog, "renamedFrom");
  const text = form === UNSORTABLE ? sortedByReplacer(catalog) : `${JSON.stringify(form, null, 2)}\n`;
  texts.set(catalog, text);
  return text;
};

/**
 * `sha256:<hex>` of the Catalog's snapshot text (`catalogText`): the identity of a schema state, and
 * the checksum of the snapshot file written for it (`sha256sum meta/0007_snapshot.json`). A plan
 * records the hash it starts from, so it is never applied to another state.
 */
export const catalogHash = (catalog: Catalog): string => {
  const known = hashes.get(catalog);
  if (known !== undefined) return known;
  const hash = textHash(catalogText(catalog));
  hashes.set(catalog, hash);
  return hash;
};

export const textHash = (text: string): string => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/**
 * Record that `text` is `catalog`'s snapshot text with hash `hash`: for a snapshot read back whose
 * checksum is the one recorded when it was written (so it is that text, byte for byte).
 */
export const rememberCatalogText = (catalog: Catalog, text: string, hash: string): void => {
  texts.set(catalog, text);
  hashes.set(catalog, hash);
};

// Catalogs are immutable values, so text and hash computed once per object stay true; generate hashes
// the same two catalogs several times (forward plan, each file's down plan) and writes one of them.
const texts = new WeakMap<Catalog, string>();
const hashes = new WeakMap<Catalog, string>();

/** The same text built by a `JSON.stringify` replacer: for values `canonicalForm` cannot hold sorted. */
const sortedByReplacer = (catalog: Catalog): string =>
  `${JSON.stringify(
    catalog,
    (key, value: unknown) => {
      if (key === "renamedFrom") return undefined;
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b)),
        );
      }
      return value;
    },
    2,
  )}\n`;
