export { type GenerateTypesOptions, generateTypes } from "./generate-types.js";
export { CodegenError, type CodegenIssue, renderCodegenIssues } from "./issues.js";
export { checkTypesFile, type TypesFileState, writeTypesFile } from "./types-file.js";
