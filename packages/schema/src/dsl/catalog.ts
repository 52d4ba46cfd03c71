/**
 * `defineCatalog(...)`: collect declarations, lower each into the Catalog, sort by identity, validate.
 */
import { functionSignature, sortBy } from "../catalog/identity.js";
import type { Catalog, Partition, View } from "../catalog/model.js";
import { CatalogValidationError } from "../catalog/validate/errors.js";
import type { Finding } from "../catalog/validate/finding.js";
import { validateCatalog } from "../catalog/validate/index.js";
import { lowerCollation } from "./collation.js";
import {
  type DeclarationInput,
  type DeclarationsByKind,
  groupDeclarations,
  lowerContextOf,
  qualifiedKey,
} from "./collect.js";
import { lowerDomain } from "./domain.js";
import { lowerEnum } from "./enum.js";
import { lowerExtension } from "./extension.js";
import { lowerFunction } from "./function.js";
import { lowerGrants } from "./grant.js";
import { explicitNames, lowerIndexes, lowerTable } from "./lower-table.js";
import { lowerViewColumns } from "./lower-view.js";
import { uniqueDerivedName } from "./names.js";
import { referenceFindings } from "./references.js";
import { lowerRole } from "./role.js";
import { lowerSchema } from "./schema.js";
import { lowerSequence } from "./sequence.js";
import { TABLE } from "./table.js";
import { viewBase } from "./view.js";

export interface LoweredCatalog {
  readonly catalog: Catalog;
  /** problems the lowering saw plus `validateCatalog`'s findings, errors and warnings */
  readonly findings: readonly Finding[];
}

/**
 * Lower declarations into a Catalog and validate it, without throwing. Most callers want `defineCatalog`.
 */
export const lowerDeclarations = (...inputs: readonly DeclarationInput[]): LoweredCatalog => {
  const d = groupDeclarations(inputs);
  const context = lowerContextOf(d);
  const taken = namesBySchema(d);
  const findings: Finding[] = [];

  // derived names are handed out in identity order, so a collision resolves the same whatever the input order
  const tables = sortBy(d.table, (t) => qualifiedKey(t[TABLE])).map((t) => {
    const lowered = lowerTable(t, context, takenIn(taken, t[TABLE].schema));
    findings.push(...lowered.findings);
    return lowered.table;
  });
  const views = sortBy(d.view, qualifiedKey).map((v) => {
    const set = takenIn(taken, v.schema);
    const indexes = lowerIndexes(v.options.indexes ?? [], {
      name: (explicit, columns, kind) => {
        const name = explicit ?? uniqueDerivedName(v.name, columns, kind, set);
        set.add(name);
        return name;
      },
    });
    const columns = lowerViewColumns(v, context);
    const { dependsOn, ...head } = viewBase(v);
    // keys in the model's order (columns before dependsOn), as `Catalog.parse` would leave them
    const view: View = {
      ...head,
      ...(columns.length > 0 ? { columns } : {}),
      ...(dependsOn ? { dependsOn } : {}),
      ...(indexes.length > 0 ? { indexes: sortBy(indexes, (i) => i.name) } : {}),
      ...(v.options.comment !== undefined ? { comment: v.options.comment } : {}),
      ...(v.options.grants?.length ? { grants: lowerGrants(v.options.grants) } : {}),
    };
    return view;
  });

  // no zod parse here: every lowering builds Catalog values (typed by the model) in the model's key order;
  // test/catalog-shape.test.ts proves `Catalog.parse` leaves the result unchanged
  const catalog: Catalog = {
    extensions: sortBy(d.extension.map(lowerExtension), (e) => e.name),
    schemas: sortBy(d.schema.map(lowerSchema), (s) => s.name),
    roles: sortBy(d.role.map(lowerRole), (r) => r.name),
    collations: sortBy(d.collation.map(lowerCollation), qualifiedKey),
    enums: sortBy(d.enum.map(lowerEnum), qualifiedKey),
    domains: sortBy(
      d.domain.map((x) => lowerDomain(x, context)),
      qualifiedKey,
    ),
    sequences: sortBy(d.sequence.map(lowerSequence), qualifiedKey),
    functions: sortBy(
      d.function.map((f) => lowerFunction(f, context)),
      functionSignature,
    ),
    tables: sortBy(tables, qualifiedKey),
    views: sortBy(views, qualifiedKey),
    defaultPrivileges: sortBy(
      d.defaultPrivilege.map((p) => p.definition),
      (p) => [p.forRole ?? "", p.schema, p.objectType, p.grantee].join("\u0000"),
    ),
  };
  const declared = {
    functions: new Set(catalog.functions.map((f) => `${f.schema}.${f.name}`)),
    relations: new Set([
      ...catalog.tables.flatMap((t) => [t.name, ...allPartitionNames(t.partitions)].map((n) => `${t.schema}.${n}`)),
      ...catalog.views.map((v) => `${v.schema}.${v.name}`),
      ...catalog.sequences.map((q) => `${q.schema}.${q.name}`),
    ]),
    types: new Set([...catalog.enums, ...catalog.domains].map((t) => `${t.schema}.${t.name}`)),
  };
  findings.push(...referenceFindings(declared, d.table, d.view, d.function));
  return { catalog, findings: [...findings, ...validateCatalog(catalog)] };
};

const allPartitionNames = (partitions: readonly Partition[] | undefined): string[] =>
  (partitions ?? []).flatMap((p) => [p.name, ...allPartitionNames(p.partitions)]);

/** Explicit names per schema: relations, and every named constraint and index. Derived names avoid them. */
const namesBySchema = (d: DeclarationsByKind): Map<string, Set<string>> => {
  const taken = new Map<string, Set<string>>();
  const add = (schema: string, names: readonly string[]) => {
    const set = takenIn(taken, schema);
    for (const n of names) set.add(n);
  };
  for (const t of d.table) add(t[TABLE].schema, explicitNames(t));
  for (const v of d.view) add(v.schema, [v.name, ...(v.options.indexes ?? []).flatMap((i) => i.state.name ?? [])]);
  for (const s of d.sequence) add(s.schema, [s.name]);
  return taken;
};

const takenIn = (taken: Map<string, Set<string>>, schema: string): Set<string> => {
  let set = taken.get(schema);
  if (!set) {
    set = new Set();
    taken.set(schema, set);
  }
  return set;
};

/**
 * Lower declarations into a validated, deterministically ordered Catalog. Throws `CatalogValidationError`
 * (listing every finding) when any error is found; warnings do not throw (see `lowerDeclarations`).
 *
 * @example
 * import * as auth from "./auth.js";
 * import * as dataPlatform from "./data-platform.js";
 * export const catalog = defineCatalog(auth, dataPlatform);
 */
export const defineCatalog = (...inputs: readonly DeclarationInput[]): Catalog => {
  const { catalog, findings } = lowerDeclarations(...inputs);
  if (findings.some((f) => f.severity === "error")) throw new CatalogValidationError(findings);
  return catalog;
};

/** Alias of `defineCatalog`. */
export const toCatalog = defineCatalog;
