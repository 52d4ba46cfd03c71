export * from "./catalog/index.js";
export * from "./catalog/validate/index.js";
export * from "./dsl/index.js";
export * from "./platform/index.js";
