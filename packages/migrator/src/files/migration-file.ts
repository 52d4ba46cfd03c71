/**
 * A migration file in dbmate's format, parsed:
 *
 * ```sql
 * -- migrate:up transaction:false
 * CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON auth.users (email);
 *
 * -- migrate:down
 * DROP INDEX CONCURRENTLY IF EXISTS auth.users_email_idx;
 * ```
 */
export interface MigrationSection {
  /** the SQL between this section's directive and the next; its line N is line `line + N` of the file */
  readonly sql: string;
  /** false when the directive says `transaction:false` */
  readonly transaction: boolean;
  /** 1-based line of the directive in the file */
  readonly line: number;
}

export interface MigrationFile {
  /** file name without `.sql`: `0001_create_users`; what the history table records */
  readonly name: string;
  /** the numeric prefix as written: `0001` */
  readonly version: string;
  /** path as found on disk (for messages) */
  readonly path: string;
  readonly up: MigrationSection;
  /**
   * absent when the file has no down section or only comments in it: the migration cannot be reverted
   * (a section that says only `-- nothing to undo` is present and reverts by doing nothing)
   */
  readonly down?: MigrationSection;
  /** SHA-256 (hex) of the up section — see checksum.ts for why only the up section */
  readonly checksum: string;
}
