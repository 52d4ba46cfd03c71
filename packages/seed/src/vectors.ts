/**
 * Deterministic pseudo-random unit vectors, written as text the way COPY reads them. Six decimals keep
 * a 1536-dimensional row near 14 kB of text; the norm stays 1 within 1e-4.
 */
import type { Rng } from "./prng.js";

/** `pgvector`: `[0.1,-0.2]` (vector/halfvec input); `array`: `{0.1,-0.2}` (real[] input, for servers without pgvector). */
export type VectorLiteral = "pgvector" | "array";

export const unitVector = (random: Rng, dimensions: number): Float64Array => {
  const values = new Float64Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i += 1) {
    const v = random.next() * 2 - 1;
    values[i] = v;
    norm += v * v;
  }
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (let i = 0; i < dimensions; i += 1) values[i] = (values[i] as number) * scale;
  return values;
};

/** Reused between calls: a 1536-dimensional row needs ~14 kB; grown when a longer vector comes. */
let scratch = Buffer.alloc(16_384);

/**
 * The vector as text with six fixed decimals (`-0.012345`), written byte by byte into a scratch buffer:
 * 150 million numbers through toFixed or string concatenation would cost more than the COPY itself.
 * Components of a unit vector lie in [-1, 1], so the integer part is 0 or 1.
 */
export const vectorText = (values: ArrayLike<number>, literal: VectorLiteral): string => {
  const needed = values.length * 10 + 2;
  if (scratch.length < needed) scratch = Buffer.alloc(needed);
  const out = scratch;
  let pos = 0;
  out[pos++] = literal === "pgvector" ? 0x5b : 0x7b; // [ or {
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out[pos++] = 0x2c; // ,
    let micro = Math.round((values[i] as number) * 1e6);
    if (micro < 0) {
      out[pos++] = 0x2d; // -
      micro = -micro;
    }
    if (micro >= 1e6) {
      out[pos++] = 0x31; // 1
      continue;
    }
    out[pos++] = 0x30; // 0
    out[pos++] = 0x2e; // .
    for (let k = 5; k >= 0; k -= 1) {
      out[pos + k] = 0x30 + (micro % 10);
      micro = (micro / 10) | 0;
    }
    pos += 6;
  }
  out[pos++] = literal === "pgvector" ? 0x5d : 0x7d; // ] or }
  return out.toString("latin1", 0, pos);
};
