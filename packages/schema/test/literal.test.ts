/**
 * `castTypeName`: the type a literal default's cast shows in `pg_get_expr` — typmods dropped, `character`
 * shown as `bpchar`, array brackets kept (as PostgreSQL 14–18 print `'x'::character varying`,
 * `'a'::bpchar`, `'{}'::text[]`). Pinned here since it is a string scan now, not a pattern.
 */
import { describe, expect, it } from "vitest";
import { castTypeName, lowerLiteral } from "../src/index.js";

describe("castTypeName", () => {
  it.each([
    ["text", "text"],
    ["character varying(255)", "character varying"],
    ["character(1)", "bpchar"],
    ["character", "bpchar"],
    ["numeric(12,2)", "numeric"],
    ["numeric(12,2)[]", "numeric[]"],
    ["text[]", "text[]"],
    ["character(2)[]", "bpchar[]"],
    ["timestamp(3) with time zone", "timestamp with time zone"],
    ["public.vector(1536)", "public.vector"],
    ["auth.user_status", "auth.user_status"],
    ["auth.user_status[]", "auth.user_status[]"],
  ])("%s → %s", (type, shown) => {
    expect(castTypeName(type)).toBe(shown);
  });

  it("is what a string default's cast names", () => {
    expect(lowerLiteral("it's", "character varying(20)")).toBe("'it''s'::character varying");
    expect(lowerLiteral("a", "character(1)")).toBe("'a'::bpchar");
  });
});
