export type { ExitCode, Finding } from "./migrator-error.js";
export { isMigratorError, MigratorError, worstExitCode } from "./migrator-error.js";
export type { Palette } from "./render.js";
export { plainPalette, renderFinding, renderFindings } from "./render.js";
