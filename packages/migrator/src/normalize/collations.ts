/**
 * ICU locales in the BCP 47 form PostgreSQL 16+ stores (it converts with `uloc_toLanguageTag`):
 * `@colStrength=secondary` → `und-u-ks-level2`, `de-DE@colNumeric=yes` → `de-DE-u-kn-true`. Only the collation
 * keywords the project meets are mapped; anything else is returned unchanged. Both sides of a
 * comparison go through this, so a declaration in either spelling matches every server version.
 */
const KEYWORDS: Readonly<Record<string, { readonly key: string; readonly values: Readonly<Record<string, string>> }>> =
  {
    colstrength: {
      key: "ks",
      values: {
        primary: "level1",
        secondary: "level2",
        tertiary: "level3",
        quaternary: "level4",
        identical: "identic",
      },
    },
    colcasefirst: { key: "kf", values: { upper: "upper", lower: "lower", no: "false" } },
    colnumeric: { key: "kn", values: { yes: "true", no: "false" } },
    colalternate: { key: "ka", values: { shifted: "shifted", "non-ignorable": "noignore" } },
    colbackwards: { key: "kb", values: { yes: "true", no: "false" } },
    colcaselevel: { key: "kc", values: { yes: "true", no: "false" } },
  };

export const normalizeIcuLocale = (locale: string): string => {
  const at = locale.indexOf("@");
  if (at < 0) return locale === "" || locale === "root" ? "und" : locale;
  const language = locale.slice(0, at).replace(/_/g, "-") || "und";
  const extensions: string[] = [];
  for (const pair of locale.slice(at + 1).split(";")) {
    const [name, value] = pair.split("=").map((s) => s.trim().toLowerCase());
    const keyword = KEYWORDS[name ?? ""];
    const mapped = keyword?.values[value ?? ""];
    if (keyword === undefined || mapped === undefined) return locale;
    extensions.push(mapped === "" ? keyword.key : `${keyword.key}-${mapped}`);
  }
  return `${language}-u-${extensions.sort().join("-")}`;
};
