export { acquireLockFile } from "./lock-file.js";
export { openEmbedded } from "./open.js";
