/** Word lists the sample data is drawn from: enough variety to look real, fixed so output is stable. */

export const ORGANIZATION_NAMES = [
  "Acme AI",
  "Globex Research",
  "Initech Labs",
  "Umbrella Analytics",
  "Hooli Cloud",
  "Stark Vision",
  "Wayne Robotics",
  "Tyrell Systems",
] as const;

export const FIRST_NAMES = [
  "Alice",
  "Bob",
  "Chen",
  "Dana",
  "Elif",
  "Farah",
  "Gustavo",
  "Hana",
  "Ivan",
  "Jia",
  "Kofi",
  "Lena",
  "Mateo",
  "Nia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
  "Uma",
  "Wei",
  "Yara",
  "Zoe",
] as const;

export const LAST_NAMES = [
  "Zhang",
  "Smith",
  "Garcia",
  "Okafor",
  "Müller",
  "Kowalski",
  "Tanaka",
  "Haddad",
  "Novak",
  "Silva",
  "O'Brien",
  "Ivanova",
  "Nguyen",
  "Patel",
  "Johansson",
  "Rossi",
] as const;

export const GROUPS = [
  { name: "platform-admins", description: "Operate the platform: users, quotas, partitions" },
  { name: "data-engineers", description: "Own data sources and datasets" },
  { name: "ml-researchers", description: "Train algorithms and register models" },
  { name: "ml-ops", description: "Deploy model versions behind endpoints" },
  { name: "analysts", description: "Read dashboards and request logs" },
] as const;

export const SOURCE_TYPES = ["postgresql", "s3", "kafka", "http", "mysql"] as const;

export const DATASET_FORMATS = ["parquet", "csv", "jsonl"] as const;

/** name, task type and a one-line description of each sample algorithm */
export const ALGORITHMS = [
  { name: "gradient-boosted-trees", task: "classification", description: "Gradient boosted decision trees" },
  { name: "linear-regression", task: "regression", description: "Ridge-regularised linear regression" },
  { name: "kmeans", task: "clustering", description: "Mini-batch k-means" },
  { name: "two-tower-ranker", task: "ranking", description: "Two-tower neural ranker for retrieval" },
  { name: "sentence-encoder", task: "embedding", description: "Transformer sentence encoder, 1536 dimensions" },
  { name: "yolo-detector", task: "detection", description: "Single-stage object detector" },
] as const;

export const ALGORITHM_VERSIONS = ["1.0.0", "1.1.0", "2.0.0"] as const;

export const MODEL_KINDS = ["churn", "fraud", "search-ranking", "support-embeddings", "demand-forecast"] as const;

export const FRAMEWORKS = ["pytorch", "onnx", "sklearn", "xgboost"] as const;

export const WORDS = [
  "model",
  "training",
  "dataset",
  "vector",
  "search",
  "latency",
  "customer",
  "invoice",
  "shipment",
  "query",
  "embedding",
  "cluster",
  "feature",
  "pipeline",
  "inference",
  "forecast",
  "anomaly",
  "document",
  "ranking",
  "label",
  "review",
  "partition",
  "index",
  "monitoring",
  "deployment",
  "canary",
  "rollback",
  "throughput",
  "accuracy",
  "drift",
] as const;

export const EVENT_TYPES = ["view", "click", "search", "purchase", "login", "share"] as const;

export const USER_AGENTS = [
  "python-requests/2.32.3",
  "platform-sdk-ts/1.4.0",
  "curl/8.5.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "okhttp/4.12.0",
] as const;
