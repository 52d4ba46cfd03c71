/**
 * The platform's declarations as handles, without lowering them: what `platformCatalog` and
 * `platformRelationShapes` lower. Kept apart from index.ts so that loading them pulls in no lowering or
 * validation code.
 */
import * as algoPlatform from "./algo-platform.js";
import * as auth from "./auth.js";
import * as compat from "./compat.js";
import * as dataPlatform from "./data-platform.js";
import * as modelPlatform from "./model-platform.js";
import * as monitoring from "./monitoring.js";
import * as roles from "./roles.js";
import * as servicePlatform from "./service-platform.js";

/** The declaration modules, for code that wants the handles (`platformModules.auth.users.email`). */
export const platformModules = {
  compat,
  roles,
  auth,
  dataPlatform,
  algoPlatform,
  modelPlatform,
  servicePlatform,
  monitoring,
} as const;

/** Default privileges of every platform schema, declared once here rather than in each module. */
const defaultPrivileges = [
  auth.auth,
  dataPlatform.dataPlatform,
  algoPlatform.algoPlatform,
  modelPlatform.modelPlatform,
  servicePlatform.servicePlatform,
  monitoring.monitoring,
].flatMap((s) => roles.defaultPrivilegesIn(s.name));

/** Everything `platformCatalog` lowers: the modules and the default privileges of their schemas. */
export const platformDeclarations = [platformModules, defaultPrivileges] as const;
