export { checksumOf } from "./checksum.js";
export { loadMigrations, orderMigrations } from "./directory.js";
export type { MigrationFile, MigrationSection } from "./migration-file.js";
export { MIGRATION_FILE_NAME, parseMigrationFile } from "./parse.js";
export type { Statement } from "./split-statements.js";
export { splitStatements } from "./split-statements.js";
