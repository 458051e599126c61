// Structured JSON logs on stderr with levels. Callers pass ids and sizes, never raw pastes or secrets.
export type Level = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /** Whether a message at this level would be written (skip building it otherwise). */
  enabled(level: Exclude<Level, "silent">): boolean;
}

export function createLogger(
  level: Level,
  base: Record<string, unknown> = {},
  sink: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const at =
    (lvl: Exclude<Level, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < ORDER[level]) return;
      const err =
        fields.err instanceof Error ? { err: { name: fields.err.name, message: fields.err.message } } : {};
      sink(
        `${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...fields, ...err })}\n`,
      );
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
    enabled: (lvl) => ORDER[lvl] >= ORDER[level],
  };
}
