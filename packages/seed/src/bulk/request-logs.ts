import { seedId } from "../ids.js";
import { USER_AGENTS } from "../plan/names.js";
import { REQUEST_LOGS_RANGE, spread, within } from "../plan/time.js";
import { rng } from "../prng.js";
import { type BulkTable, unitOf } from "./types.js";

export interface RequestLogRefs {
  readonly endpoints: readonly { readonly id: string; readonly slug: string }[];
  readonly apiKeys: readonly { readonly id: string; readonly userId: string }[];
}

const STATUSES = [200, 200, 200, 200, 200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 503] as const;

/** `service_platform.request_logs`: a week of API traffic (one daily partition per day). */
/** `units`: the endpoints and keys of each scale unit, `perUnit` rows each (see `unitOf`). */
export const requestLogsTable = (count: number, units: readonly RequestLogRefs[], perUnit: number): BulkTable => {
  const createdAt = (i: number): Date => within(REQUEST_LOGS_RANGE, spread(i));
  return {
    table: "service_platform.request_logs",
    columns: [
      "id",
      "created_at",
      "endpoint_id",
      "api_key_id",
      "user_id",
      "url",
      "method",
      "status",
      "remote_ip",
      "user_agent",
      "referer",
      "duration_ms",
      "meta",
    ],
    count,
    batchSize: 5000,
    key: [
      { column: "id", type: "uuid" },
      { column: "created_at", type: "timestamptz" },
    ],
    keyAt: (i) => [seedId(`request-log/${i}`), createdAt(i).toISOString()],
    rowAt: (i) => {
      const r = rng(`request-log/${i}`);
      const refs = unitOf(units, perUnit, i);
      const endpoint = r.pick(refs.endpoints);
      const key = r.chance(0.85) ? r.pick(refs.apiKeys) : undefined;
      const status = r.pick(STATUSES);
      return [
        seedId(`request-log/${i}`),
        createdAt(i).toISOString(),
        endpoint.id,
        key?.id ?? null,
        key?.userId ?? null,
        `/v1/endpoints/${endpoint.slug}/predict`,
        r.chance(0.9) ? "POST" : "GET",
        status,
        `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
        r.pick(USER_AGENTS),
        r.chance(0.2) ? "https://console.example.com/playground" : null,
        Math.round((status >= 500 ? r.int(500, 3000) : r.int(3, 400)) * 10 + r.next() * 10) / 10,
        JSON.stringify({ request_bytes: r.int(200, 20_000), cached: r.chance(0.1) }),
      ];
    },
    partitioned: REQUEST_LOGS_RANGE,
  };
};
