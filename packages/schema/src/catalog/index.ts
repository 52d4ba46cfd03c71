export * from "./identity.js";
export * from "./model.js";
