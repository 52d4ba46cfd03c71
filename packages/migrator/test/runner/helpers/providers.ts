/** The shared real-PostgreSQL providers (test/support); one import point for the migrator's tests. */
export { describeOnProviders } from "../../../../../test/support/index.js";
