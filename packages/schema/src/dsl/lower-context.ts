/** What lowering one declaration needs to know about the others. */
export interface LowerContext {
  /** The schema an extension's objects live in (`public` when the extension declares none or is unknown). */
  readonly extensionSchema: (extension: string) => string;
}

export const defaultLowerContext: LowerContext = { extensionSchema: () => "public" };
