/**
 * verify: a live database against its declarations. `verify(client, declared)` introspects, diffs and
 * returns drift as data; `renderDrift` prints it as text, JSON or Markdown; `runVerify` is the CLI
 * command and `verifyAfterUp` the check `migrate up` runs after applying.
 */
export {
  type DeclarationsSource,
  declarationsSourceOf,
  loadDeclarations,
  loadModule,
  PLATFORM_AUTO,
} from "./declarations.js";
export { confirmThroughServer } from "./deparse.js";
export { type Drift, type DriftKind, describeChange } from "./drift.js";
export {
  type DriftFormat,
  driftDocument,
  driftHeadline,
  renderDrift,
  renderDriftMarkdown,
  renderDriftText,
} from "./format.js";
export { withRollingPartitions } from "./partitions.js";
export { driftFindings, runVerify, verifyAfterUp, verifyAfterUpFor, verifyAfterUpWith } from "./run.js";
export { driftOf, type Verification, type VerifyOptions, verify, verifyDetailed } from "./verify.js";
