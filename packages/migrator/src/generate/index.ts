export { downMigrations } from "./down.js";
export {
  type GeneratedFile,
  type GenerateOptions,
  type GenerateResult,
  generateMigration,
  renderGenerateResult,
} from "./generate.js";
export { renderMigrationFile } from "./render.js";
export { readLatestSnapshot, type Snapshot, serializeSnapshot } from "./snapshot.js";
