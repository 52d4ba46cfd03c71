/**
 * Deterministic pseudo-random unit vectors, written as text the way COPY reads them. Six decimals keep
 * a 1536-dimensional row near 14 kB of text; the norm stays 1 within 1e-5.
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

/** Six decimals without toFixed (too slow for 150 million numbers), trailing zeros dropped. */
const decimal = (value: number): string => {
  const scaled = Math.round(value * 1e6);
  if (scaled === 0) return "0";
  const sign = scaled < 0 ? "-" : "";
  const abs = Math.abs(scaled);
  const whole = Math.floor(abs / 1e6);
  let fraction = abs - whole * 1e6;
  if (fraction === 0) return `${sign}${whole}`;
  let digits = 6;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits -= 1;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, "0")}`;
};

export const vectorText = (values: ArrayLike<number>, literal: VectorLiteral): string => {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) parts[i] = decimal(values[i] as number);
  return literal === "pgvector" ? `[${parts.join(",")}]` : `{${parts.join(",")}}`;
};
