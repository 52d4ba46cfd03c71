/**
 * `algo_platform`, `model_platform` and `service_platform`: algorithm versions, per organization models
 * with three versions each (archived, production, staging) and the training jobs that made them, an
 * endpoint per model with its production deployment, a canary of the staging version and the stopped
 * deployment of the archived one.
 */
import type { NewRow } from "@platform/types";
import { seedId, sha256Hex } from "../ids.js";
import { rng } from "../prng.js";
import type { Organization } from "./auth.js";
import type { Dataset } from "./data-platform.js";
import { ALGORITHM_VERSIONS, ALGORITHMS, FRAMEWORKS, MODEL_KINDS } from "./names.js";
import { at, CREATED_FROM } from "./time.js";
import type { Counts } from "./types.js";

type TaskType = (typeof ALGORITHMS)[number]["task"];

const algorithmId = (name: string, version: string): string => seedId(`algorithm/${name}/${version}`);

export const algorithmRows = (adminId: string): NewRow<"algo_platform.algorithms">[] =>
  ALGORITHMS.flatMap((algorithm, a) =>
    ALGORITHM_VERSIONS.map(
      (version, v): NewRow<"algo_platform.algorithms"> => ({
        id: algorithmId(algorithm.name, version),
        name: algorithm.name,
        version,
        description: `${algorithm.description}, release ${version}`,
        task_type: algorithm.task,
        source_code_url: `https://git.example.com/algorithms/${algorithm.name}/tree/v${version}`,
        parameters_schema: {
          type: "object",
          properties: { learning_rate: { type: "number" }, epochs: { type: "integer", minimum: 1 } },
        },
        created_by: adminId,
        created_at: at(CREATED_FROM, 900 + a * 10 + v),
        updated_at: at(CREATED_FROM, 900 + a * 10 + v),
      }),
    ),
  );

const MODEL_TASK: Readonly<Record<(typeof MODEL_KINDS)[number], TaskType>> = {
  churn: "classification",
  fraud: "classification",
  "search-ranking": "ranking",
  "support-embeddings": "embedding",
  "demand-forecast": "regression",
};

export interface Model {
  readonly id: string;
  readonly name: string;
  readonly organization: Organization;
  readonly task: TaskType;
  /** the latest version of an algorithm for the task */
  readonly algorithmId: string;
}

export const models = (orgs: readonly Organization[], counts: Counts): Model[] =>
  orgs.flatMap((org) =>
    Array.from({ length: counts.modelsPerOrganization }, (_, k) => {
      const name = MODEL_KINDS[(org.index + k) % MODEL_KINDS.length] as (typeof MODEL_KINDS)[number];
      const task = MODEL_TASK[name];
      const algorithm = ALGORITHMS.find((a) => a.task === task) ?? ALGORITHMS[0];
      return {
        id: seedId(`model/${org.slug}/${name}`),
        name,
        organization: org,
        task,
        algorithmId: algorithmId(algorithm.name, ALGORITHM_VERSIONS[ALGORITHM_VERSIONS.length - 1] as string),
      };
    }),
  );

export const modelRows = (all: readonly Model[], ownerOf: (org: Organization) => string) =>
  all.map(
    (model, n): NewRow<"model_platform.models"> => ({
      id: model.id,
      organization_id: model.organization.id,
      name: model.name,
      description: `${model.name} model of ${model.organization.slug}`,
      task_type: model.task,
      algorithm_id: model.algorithmId,
      created_by: ownerOf(model.organization),
      created_at: at(CREATED_FROM, 1000 + n),
      updated_at: at(CREATED_FROM, 1000 + n),
    }),
  );

const STAGES = ["archived", "production", "staging"] as const;

const versionId = (model: Model, version: number): string => seedId(`model-version/${model.id}/${version}`);
const jobId = (model: Model, version: number): string => seedId(`training-job/${model.id}/${version}`);

/** One succeeded job per model version, plus a failed and a queued one per model. */
export const trainingJobRows = (
  all: readonly Model[],
  datasetsOf: (org: Organization) => readonly Dataset[],
  ownerOf: (org: Organization) => string,
): NewRow<"algo_platform.training_jobs">[] =>
  all.flatMap((model, m) => {
    const orgDatasets = datasetsOf(model.organization);
    const job = (version: number, status: "succeeded" | "failed" | "queued"): NewRow<"algo_platform.training_jobs"> => {
      const r = rng(`training-job/${model.id}/${version}`);
      const started = at("2026-01-20", m * 180 + version * 1440);
      const finished = at("2026-01-20", m * 180 + version * 1440 + r.int(20, 600));
      return {
        id: jobId(model, version),
        algorithm_id: model.algorithmId,
        dataset_id: orgDatasets.length > 0 ? r.pick(orgDatasets).id : null,
        status,
        hyperparameters: { learning_rate: r.pick([0.1, 0.01, 0.001]), epochs: r.int(3, 50) },
        resources: { gpus: r.pick([0, 1, 2, 4]), cpus: r.pick([4, 8, 16]), memory_gb: r.pick([16, 32, 64]) },
        metrics: status === "succeeded" ? { accuracy: r.int(800, 990) / 1000, loss: r.int(10, 400) / 1000 } : {},
        log_uri: `s3://training-logs/${model.organization.slug}/${model.name}/${version}.log`,
        error_message: status === "failed" ? "CUDA out of memory on worker 2" : null,
        started_at: status === "queued" ? null : started,
        finished_at: status === "queued" ? null : finished,
        created_by: ownerOf(model.organization),
        created_at: started,
        updated_at: status === "queued" ? started : finished,
      };
    };
    return [job(1, "succeeded"), job(2, "succeeded"), job(3, "succeeded"), job(4, "failed"), job(5, "queued")];
  });

export const modelVersionRows = (all: readonly Model[], ownerOf: (org: Organization) => string) =>
  all.flatMap((model, m) =>
    STAGES.map((stage, v): NewRow<"model_platform.model_versions"> => {
      const version = v + 1;
      const r = rng(`model-version/${model.id}/${version}`);
      const framework = r.pick(FRAMEWORKS);
      const uri = `s3://models/${model.organization.slug}/${model.name}/v${version}/model.${framework === "onnx" ? "onnx" : "bin"}`;
      return {
        id: versionId(model, version),
        model_id: model.id,
        version,
        stage,
        training_job_id: jobId(model, version),
        artifact_uri: uri,
        artifact_sha256: sha256Hex(uri),
        size_bytes: r.int(1, 900) * 1_048_576,
        framework,
        metrics: { accuracy: r.int(800, 990) / 1000, p95_latency_ms: r.int(5, 120) },
        signature: { inputs: [{ name: "features", dtype: "float32", shape: [-1, 64] }], outputs: [{ name: "score" }] },
        created_by: ownerOf(model.organization),
        created_at: at("2026-01-21", m * 180 + version * 1440),
        updated_at: at("2026-01-21", m * 180 + version * 1440),
      };
    }),
  );

export interface Endpoint {
  readonly id: string;
  readonly slug: string;
  readonly model: Model;
}

export const endpoints = (all: readonly Model[]): Endpoint[] =>
  all.map((model) => {
    const slug = `${model.organization.slug}-${model.name}`;
    return { id: seedId(`endpoint/${slug}`), slug, model };
  });

export const endpointRows = (all: readonly Endpoint[], ownerOf: (org: Organization) => string) =>
  all.map(
    (endpoint, n): NewRow<"service_platform.endpoints"> => ({
      id: endpoint.id,
      organization_id: endpoint.model.organization.id,
      name: endpoint.model.name,
      slug: endpoint.slug,
      description: `Serves the production ${endpoint.model.name} model`,
      is_public: n % 4 === 0,
      rate_limit_per_minute: [600, 1200, 6000][n % 3] as number,
      created_by: ownerOf(endpoint.model.organization),
      created_at: at("2026-02-01", n * 7),
      updated_at: at("2026-02-01", n * 7),
    }),
  );

export const deploymentRows = (all: readonly Endpoint[], ownerOf: (org: Organization) => string) =>
  all.flatMap((endpoint, n) => {
    const model = endpoint.model;
    const base = {
      endpoint_id: endpoint.id,
      resources: { cpu: "2", memory: "4Gi", gpu: model.task === "embedding" ? 1 : 0 },
      config: { batch_size: 32, timeout_ms: 2000 },
      created_by: ownerOf(model.organization),
    };
    const rows: NewRow<"service_platform.deployments">[] = [
      {
        ...base,
        id: seedId(`deployment/${endpoint.slug}/1`),
        model_version_id: versionId(model, 1),
        status: "stopped",
        replicas: 0,
        traffic_percent: 0,
        deployed_at: at("2026-02-02", n * 7),
        stopped_at: at("2026-03-01", n * 7),
        created_at: at("2026-02-02", n * 7),
        updated_at: at("2026-03-01", n * 7),
      },
      {
        ...base,
        id: seedId(`deployment/${endpoint.slug}/2`),
        model_version_id: versionId(model, 2),
        status: "running",
        replicas: 3,
        traffic_percent: 90,
        deployed_at: at("2026-03-01", n * 7),
        created_at: at("2026-03-01", n * 7),
        updated_at: at("2026-03-01", n * 7),
      },
      {
        ...base,
        id: seedId(`deployment/${endpoint.slug}/3`),
        model_version_id: versionId(model, 3),
        status: "running",
        replicas: 1,
        traffic_percent: 10,
        deployed_at: at("2026-03-20", n * 7),
        created_at: at("2026-03-20", n * 7),
        updated_at: at("2026-03-20", n * 7),
      },
    ];
    return rows;
  });
