export { acquireLockFile } from "./lock-file.js";
export { openEmbedded } from "./open.js";
export { openPlatformPglite } from "./pglite.js";
