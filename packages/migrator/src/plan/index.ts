export { DestructiveChangesError, type DestructiveStep, destructiveSteps } from "./destructive.js";
export { PlanCycleError } from "./graph.js";
export { catalogHash, catalogText } from "./hash.js";
export { formatDuration, type PlannedMigration, renderMigrationSql, splitMigrations } from "./migrations.js";
export { orderChanges, type Plan, type PlanOptions, plan, planChanges } from "./plan.js";
export { renderHazards } from "./render-hazards.js";
export type { Hazard, HazardType, Step, Timeouts, Transactional } from "./step.js";
