/** 0 ok, 1 a finding (something about the database or files needs attention), 2 usage or environment. */
export type ExitCode = 0 | 1 | 2;

/**
 * A problem as data: what (`code`), where (`path`: a file, a migration, a database label), what happened and
 * what to do. Rendered to text or JSON by `render.ts`; never pre-formatted.
 */
export interface Finding {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly message: string;
  readonly fix?: string;
}

/**
 * An error that stops a command. Carries the same fields as a finding plus the exit code it maps to,
 * so the CLI renders it without guessing.
 *
 * @example throw new MigratorError({ code: "lock_wait_expired", path: db.label, message: "…", fix: "…", exitCode: 2 })
 */
export class MigratorError extends Error {
  readonly code: string;
  readonly path: string;
  readonly fix: string | undefined;
  readonly exitCode: ExitCode;

  constructor(init: {
    code: string;
    path: string;
    message: string;
    fix?: string;
    exitCode: ExitCode;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "MigratorError";
    this.code = init.code;
    this.path = init.path;
    this.fix = init.fix;
    this.exitCode = init.exitCode;
  }

  toFinding(): Finding {
    return {
      code: this.code,
      severity: "error",
      path: this.path,
      message: this.message,
      ...(this.fix === undefined ? {} : { fix: this.fix }),
    };
  }
}

export const isMigratorError = (error: unknown): error is MigratorError => error instanceof MigratorError;

export const worstExitCode = (codes: readonly ExitCode[]): ExitCode =>
  codes.reduce<ExitCode>((worst, code) => Math.max(code, worst) as ExitCode, 0);
