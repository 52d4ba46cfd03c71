/**
 * The whole sample data set as plain data: small tables in foreign-key order and the bulk tables, a pure
 * function of the scale, the admin's id and the database's features.
 */

import { embeddingsTable } from "../bulk/embeddings.js";
import { eventsTable } from "../bulk/events.js";
import { metricsTable } from "../bulk/metrics.js";
import { requestLogsTable } from "../bulk/request-logs.js";
import type { BulkTable } from "../bulk/types.js";
import { seedId } from "../ids.js";
import * as auth from "./auth.js";
import * as data from "./data-platform.js";
import * as ml from "./ml-platform.js";
import { type AnySmallTable, countsFor, type Features, PER_UNIT, rowsOf } from "./types.js";

export interface SeedPlan {
  readonly small: readonly AnySmallTable[];
  readonly bulk: readonly BulkTable[];
}

/** The admin's id when the database has none yet (a fresh seed). */
export const DEFAULT_ADMIN_ID = seedId("user/admin");

export const buildPlan = (options: { scale: number; adminId: string; features: Features }): SeedPlan => {
  const counts = countsFor(options.scale);
  const { adminId, features } = options;
  const orgs = auth.organizations(counts);
  const users = auth.sampleUsers(orgs, counts);
  const ownerOf = (org: auth.Organization): string => users.find((u) => u.organization === org)?.id ?? adminId;
  const keys = auth.apiKeys(adminId, users);
  const datasets = data.datasets(orgs);
  const datasetsOf = (org: auth.Organization) => datasets.filter((d) => d.organization === org);
  const models = ml.models(orgs, counts);
  const endpoints = ml.endpoints(models);
  const unitOfOrg = (org: auth.Organization): number => Math.floor(org.index / PER_UNIT.organizations);
  const units = Array.from({ length: options.scale }, (_, u) => u);
  return {
    small: [
      rowsOf("auth.organizations", auth.organizationRows(orgs)),
      rowsOf("auth.users", auth.userRows(adminId, users)),
      rowsOf("auth.groups", auth.groupRows()),
      rowsOf("auth.group_memberships", auth.membershipRows(adminId, users)),
      rowsOf(
        "auth.api_keys",
        keys.map((k) => k.row),
      ),
      rowsOf("data_platform.data_sources", data.dataSourceRows(orgs, ownerOf)),
      rowsOf("data_platform.datasets", data.datasetRows(datasets, ownerOf)),
      rowsOf("data_platform.documents", data.documentRows(users, features.documentEmbedding)),
      rowsOf("data_platform.storage_records", data.storageRecordRows(counts)),
      rowsOf("algo_platform.algorithms", ml.algorithmRows(adminId)),
      rowsOf("model_platform.models", ml.modelRows(models, ownerOf)),
      rowsOf("algo_platform.training_jobs", ml.trainingJobRows(models, datasetsOf, ownerOf)),
      rowsOf("model_platform.model_versions", ml.modelVersionRows(models, ownerOf)),
      rowsOf("service_platform.endpoints", ml.endpointRows(endpoints, ownerOf)),
      rowsOf("service_platform.deployments", ml.deploymentRows(endpoints, ownerOf)),
    ],
    bulk: [
      embeddingsTable({
        count: counts.embeddings,
        datasetUnits: units.map((u) => datasets.filter((d) => unitOfOrg(d.organization) === u).map((d) => d.id)),
        perUnit: PER_UNIT.embeddings,
        withVector: features.textEmbeddingVector,
      }),
      eventsTable(
        counts.events,
        units.map((u) => [
          adminId,
          ...users.filter((user) => user.organization && unitOfOrg(user.organization) === u).map((user) => user.id),
        ]),
        PER_UNIT.events,
      ),
      requestLogsTable(
        counts.requestLogs,
        units.map((u) => ({
          endpoints: endpoints
            .filter((e) => unitOfOrg(e.model.organization) === u)
            .map((e) => ({ id: e.id, slug: e.slug })),
          apiKeys: keys
            .filter((k) => k.organization === undefined || unitOfOrg(k.organization) === u)
            .map((k) => ({ id: k.id, userId: k.userId })),
        })),
        PER_UNIT.requestLogs,
      ),
      metricsTable(counts.metricNodes),
    ],
  };
};
