import { createHash } from "node:crypto";

/**
 * The checksum covers the up section only — its directive line (so flipping `transaction:false` counts) and
 * its SQL — after normalising CRLF to LF. Why not the whole file: the checksum answers "is what this database
 * applied still what the file says it applies?". Fixing a broken down section or a comment above the up
 * directive of an applied migration does not change that answer and should not lock a team out; line endings
 * changed by a Windows checkout do not either.
 */
export const checksumOf = (upSectionText: string): string =>
  createHash("sha256").update(upSectionText.replace(/\r\n/g, "\n"), "utf8").digest("hex");
