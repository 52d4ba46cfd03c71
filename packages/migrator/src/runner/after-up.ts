import type { SqlClient } from "../db/index.js";
import type { Finding } from "../errors/index.js";

/**
 * A check that runs after a successful `up`, still under the lock (e.g. `verify`: the database against the
 * declarations). Its findings go into the run's report and make the exit code 1.
 */
export type AfterUpCheck = (client: SqlClient) => Promise<readonly Finding[]>;
