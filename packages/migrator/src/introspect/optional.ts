/**
 * Helpers that keep optional Catalog fields omitted rather than `undefined` (the Catalog convention),
 * so introspected objects deep-equal declared ones.
 */
export const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The field only when the flag is set: booleans default to false. */
export const flag = <K extends string>(key: K, value: boolean | null | undefined): { [P in K]?: true } =>
  (value === true ? { [key]: true } : {}) as { [P in K]?: true };

/** The field only when the array is non-empty. */
export const list = <K extends string, V>(key: K, values: readonly V[] | null | undefined): { [P in K]?: V[] } =>
  (values !== null && values !== undefined && values.length > 0 ? { [key]: [...values] } : {}) as {
    [P in K]?: V[];
  };

/** `pg_description` text, or nothing for a missing or empty comment. */
export const comment = (text: string | null | undefined): { comment?: string } =>
  text === null || text === undefined || text === "" ? {} : { comment: text };
