// Typed, coded errors. Users see `userMessage`; logs get `detail`. Only broken invariants throw
// (invalid catalog, bad configuration); an unknown code is a normal result, never an error.

export type ErrorCode = "CATALOG_INVALID" | "CONFIG_INVALID" | "USAGE" | "INPUT_TOO_LARGE" | "PLATFORM_API";

export class SipcodeError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly detail?: string,
  ) {
    super(detail ? `${userMessage} (${detail})` : userMessage);
    this.name = "SipcodeError";
  }
}

export class CatalogError extends SipcodeError {
  constructor(readonly problems: string[]) {
    super(
      "CATALOG_INVALID",
      `The code catalog is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}).`,
      problems.slice(0, 50).join("\n"),
    );
    this.name = "CatalogError";
  }
}

export class ConfigError extends SipcodeError {
  constructor(readonly problems: string[]) {
    super("CONFIG_INVALID", `Configuration problem: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

export class UsageError extends SipcodeError {
  constructor(message: string) {
    super("USAGE", message);
    this.name = "UsageError";
  }
}

/** A sentence safe to show in chat for any thrown value: never a stack trace. */
export function userMessageOf(err: unknown): string {
  if (err instanceof SipcodeError) return err.userMessage;
  return "Something went wrong on our side while answering. The details are in the bot's log.";
}
