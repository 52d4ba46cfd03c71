/**
 * Which providers a run uses, from the environment:
 * - `TEST_PROVIDERS=native,pglite` narrows the set (names or families: `native` means every `native-<version>`);
 * - `PG_VERSIONS=14,15,16,17,18` picks the native server versions (default 16);
 * - `TEST_DATABASE_URL` adds the `url` provider.
 */
export const SUPPORTED_PG_VERSIONS = [14, 15, 16, 17, 18] as const;
export type PgVersion = (typeof SUPPORTED_PG_VERSIONS)[number];
export const DEFAULT_PG_VERSION: PgVersion = 16;

export const PROVIDER_FAMILIES = ["url", "testcontainers", "native", "pglite", "pglite-socket"] as const;
export type ProviderFamily = (typeof PROVIDER_FAMILIES)[number];

const isPgVersion = (n: number): n is PgVersion => (SUPPORTED_PG_VERSIONS as readonly number[]).includes(n);

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

export const pgVersions = (env: NodeJS.ProcessEnv = process.env): readonly PgVersion[] => {
  const items = list(env.PG_VERSIONS);
  if (items.length === 0) return [DEFAULT_PG_VERSION];
  const versions = items.map((item) => {
    const n = Number(item);
    if (!isPgVersion(n)) {
      throw new Error(
        `PG_VERSIONS: "${item}" is not a supported PostgreSQL major version\n  fix: use a comma-separated subset of ${SUPPORTED_PG_VERSIONS.join(",")}`,
      );
    }
    return n;
  });
  return [...new Set(versions)];
};

export const nativeProviderName = (version: PgVersion): string => `native-${version}`;

/** `native-16` → `native`; every other provider is its own family. */
export const providerFamily = (name: string): string => (name.startsWith("native-") ? "native" : name);

/** True when `selector` (from TEST_PROVIDERS or a test's `providers` option) names this provider or its family. */
export const matchesSelector = (name: string, selector: string): boolean =>
  selector === name || selector === providerFamily(name);

/** The TEST_PROVIDERS selectors, or undefined when unset (= every provider that is available). */
export const providerSelectors = (env: NodeJS.ProcessEnv = process.env): readonly string[] | undefined => {
  const items = list(env.TEST_PROVIDERS);
  if (items.length === 0) return undefined;
  for (const item of items) {
    const known = (PROVIDER_FAMILIES as readonly string[]).includes(providerFamily(item));
    if (!known) {
      throw new Error(
        `TEST_PROVIDERS: unknown provider "${item}"\n  fix: use a comma-separated subset of ${PROVIDER_FAMILIES.join(",")} (or native-<version>)`,
      );
    }
  }
  return items;
};

export const isSelected = (name: string, env: NodeJS.ProcessEnv = process.env): boolean => {
  const selectors = providerSelectors(env);
  return selectors === undefined || selectors.some((s) => matchesSelector(name, s));
};
