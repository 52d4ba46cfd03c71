/**
 * The SQLSTATE of a server error, looked for along its `cause` chain (drivers and umzug wrap it).
 * Its own module so that connecting does not load the whole apply path.
 */
export const sqlStateOf = (error: unknown): string | undefined => {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};
