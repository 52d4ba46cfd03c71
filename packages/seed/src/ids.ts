import { createHash } from "node:crypto";

/**
 * A name-based UUID (RFC 9562 version 8 layout over SHA-256 of the name): the same name always gives the
 * same id, so a second seed run addresses the rows the first one wrote.
 *
 * @example seedId("user/alice") // always the same uuid
 */
export const seedId = (name: string): string => {
  const bytes = createHash("sha256").update(`platform-seed:${name}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** 32 bytes of SHA-256, as `auth.api_keys.key_hash` stores them. */
export const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");
