import type { Domain } from "@platform/schema";
import { type DiffContext, matchByKey, sameData } from "./context.js";

export type DomainChange =
  | { readonly kind: "domain.create"; readonly domain: Domain }
  | { readonly kind: "domain.drop"; readonly domain: Domain }
  /** default, NOT NULL and CHECK constraints change in place (`ALTER DOMAIN`) */
  | { readonly kind: "domain.alter"; readonly from: Domain; readonly to: Domain };

/** A changed base type or collation cannot be altered: the domain is dropped and created again. */
export const diffDomains = (ctx: DiffContext): DomainChange[] => {
  const { added, removed, kept } = matchByKey(ctx.from.domains, ctx.to.domains, (d) => `${d.schema}.${d.name}`);
  const rebuilt = kept.filter(([a, b]) => a.type !== b.type || !sameData(a.collation, b.collation));
  const altered = kept.filter(([a, b]) => !rebuilt.some(([r]) => r === a) && !sameDomain(ctx, a, b));
  return [
    ...[...removed, ...rebuilt.map(([a]) => a)].map((domain): DomainChange => ({ kind: "domain.drop", domain })),
    ...[...added, ...rebuilt.map(([, b]) => b)].map((domain): DomainChange => ({ kind: "domain.create", domain })),
    ...altered.map(([a, b]): DomainChange => ({ kind: "domain.alter", from: a, to: b })),
  ];
};

const sameDomain = (ctx: DiffContext, a: Domain, b: Domain): boolean =>
  (a.notNull ?? false) === (b.notNull ?? false) &&
  ctx.sameExpression(a.default, b.default) &&
  (a.checks ?? []).length === (b.checks ?? []).length &&
  (a.checks ?? []).every((c) => {
    const other = (b.checks ?? []).find((x) => x.name === c.name);
    return other !== undefined && ctx.sameExpression(c.expression, other.expression);
  });
