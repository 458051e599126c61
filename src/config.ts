// The only place that reads process.env: parses it once with zod into a typed, validated config.
import { z } from "zod";
import { appIdProblem } from "./config-teams.js";
import { ConfigError } from "./errors.js";
import { authFromUrl, parseHostPorts, type RedisTarget } from "./store/redis-target.js";

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );
/** An on/off switch: a value that is neither (a typo) is an error, never silently "off". */
const flag = (dflt: boolean) =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || /^(|1|true|yes|on|0|false|no|off)$/i.test(s.trim()), {
      message: "use true or false (also 1/0, yes/no, on/off)",
    })
    .transform((s) => (s === undefined || s.trim() === "" ? dflt : /^(1|true|yes|on)$/i.test(s.trim())));

const Env = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  NO_COLOR: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.url().optional(),
  SLACK_AUTO_EXPLAIN_CHANNELS: csv,
  SLACK_MAX_FILE_BYTES: z.coerce.number().int().positive().default(2_000_000),
  /** How long one Slack Web API or response_url call may take (1–60 s; default 10 s, app.ts). */
  SLACK_API_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(60_000).optional(),
  SLACK_SOCKET_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).optional(),
  /** The longest pause between Socket Mode's tries to reconnect through an outage (1 s–5 min; default 30 s). */
  SLACK_SOCKET_RETRY_MAX_MS: z.coerce.number().int().min(1_000).max(300_000).optional(),
  /** Trimmed: a GUID pasted with a trailing newline or space is still that GUID. */
  MICROSOFT_APP_ID: z.string().trim().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  TEAMS_AUTO_EXPLAIN: flag(false),
  /** Signs Teams checklist snapshots when there is no client secret to derive the key from. */
  TEAMS_CHECKLIST_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SIPCODE_MASK_PHONE_NUMBERS: flag(true),
  SIPCODE_CATALOG_DIR: z.string().optional(),
  REDIS_URL: z.string().optional(),
  /** Redis Sentinel: `host:port` of each sentinel, with the master group name they watch. */
  REDIS_SENTINELS: z.string().optional(),
  REDIS_SENTINEL_NAME: z.string().optional(),
  REDIS_SENTINEL_PASSWORD: z.string().optional(),
  /** Redis Cluster: `host:port` of a few nodes to learn the cluster from. */
  REDIS_CLUSTER_NODES: z.string().optional(),
});

/** What the one-shot command and the shell use; the server's variables are no business of theirs. */
const CliEnv = Env.pick({ NO_COLOR: true, SIPCODE_MASK_PHONE_NUMBERS: true, SIPCODE_CATALOG_DIR: true });

export type Config = ReturnType<typeof loadConfig>;
export type CliConfig = ReturnType<typeof loadCliConfig>;

/**
 * `PORT=${PORT}` in an env file, compose or a Helm template with the value unset gives an empty
 * string; it means "not set", never port 0 (a random port), level "" or an empty URL. A value of
 * spaces only is as empty.
 */
function setValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== "") out[k] = v;
  return out;
}

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(setValues(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return parsed.data;
}

function cliPart(e: z.output<typeof CliEnv>) {
  return {
    noColor: e.NO_COLOR !== undefined,
    catalogDir: e.SIPCODE_CATALOG_DIR,
    maskPhoneNumbers: e.SIPCODE_MASK_PHONE_NUMBERS,
  };
}

/**
 * The settings of `sipcode <query>`, `scan`, `timers` and the shell: only the variables they use
 * are read and checked, so a half-configured Slack app or a LOG_LEVEL typo on the bot host does
 * not stop an engineer from looking up a code there. The server still refuses such a value.
 */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env) {
  return cliPart(parse(CliEnv, env));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = parse(Env, env);
  const problems: string[] = [];
  const slackAny = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN);
  if (slackAny && !e.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN is required when Slack is configured");
  if (slackAny && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push("set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)");
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_BOT_TOKEN.startsWith("xoxb-"))
    problems.push("SLACK_BOT_TOKEN must start with xoxb-");
  if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith("xapp-"))
    problems.push("SLACK_APP_TOKEN must start with xapp-");
  const teamsAny = Boolean(e.MICROSOFT_APP_ID || e.MICROSOFT_APP_PASSWORD);
  if (teamsAny && !e.MICROSOFT_APP_ID) problems.push("MICROSOFT_APP_ID is required when Teams is configured");
  const appIdBad = e.MICROSOFT_APP_ID ? appIdProblem(e.MICROSOFT_APP_ID) : undefined;
  if (appIdBad) problems.push(appIdBad);
  if (teamsAny && e.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && !e.MICROSOFT_APP_PASSWORD) {
    problems.push("MICROSOFT_APP_PASSWORD is required unless MICROSOFT_APP_TYPE=UserAssignedMSI");
  }
  if (e.MICROSOFT_APP_TYPE !== "MultiTenant" && teamsAny && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID is required with MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
  }
  const redis = redisTarget(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    production: e.NODE_ENV === "production",
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    ...cliPart(e),
    /** Where the shared store is; undefined keeps state in this process. */
    redis,
    /** Also honoured without credentials, for the unauthenticated development mode. */
    teamsAutoExplain: e.TEAMS_AUTO_EXPLAIN,
    /** Also honoured without credentials; the client secret wins when there is one. */
    teamsChecklistSecret: e.TEAMS_CHECKLIST_SECRET,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
          autoExplainChannels: e.SLACK_AUTO_EXPLAIN_CHANNELS,
          maxFileBytes: e.SLACK_MAX_FILE_BYTES,
          apiTimeoutMs: e.SLACK_API_TIMEOUT_MS,
          socketGraceMs: e.SLACK_SOCKET_GRACE_MS,
          socketRetryMaxMs: e.SLACK_SOCKET_RETRY_MAX_MS,
        }
      : null,
    teams: e.MICROSOFT_APP_ID
      ? {
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          appType: e.MICROSOFT_APP_TYPE,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
          autoExplain: e.TEAMS_AUTO_EXPLAIN,
        }
      : null,
  };
}

/**
 * REDIS_URL alone is one Redis, passed to ioredis as it is. With REDIS_SENTINELS or
 * REDIS_CLUSTER_NODES, the sentinels or the cluster say where to connect, and REDIS_URL (optional)
 * only gives the username, password and database of the Redis servers.
 */
function redisTarget(e: z.output<typeof Env>, problems: string[]): RedisTarget | undefined {
  const sentinelOnly = ["REDIS_SENTINEL_NAME", "REDIS_SENTINEL_PASSWORD"] as const;
  if (!e.REDIS_SENTINELS) {
    for (const v of sentinelOnly) if (e[v]) problems.push(`${v} is set but REDIS_SENTINELS is not`);
  }
  if (e.REDIS_SENTINELS && e.REDIS_CLUSTER_NODES) {
    problems.push("set REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both");
    return undefined;
  }
  const list = e.REDIS_SENTINELS ?? e.REDIS_CLUSTER_NODES;
  if (!list) return e.REDIS_URL ? { mode: "single", url: e.REDIS_URL } : undefined;
  const variable = e.REDIS_SENTINELS ? "REDIS_SENTINELS" : "REDIS_CLUSTER_NODES";
  const hosts = parseHostPorts(list);
  if (typeof hosts === "string") problems.push(`${variable}: ${hosts}`);
  const auth = authFromUrl(e.REDIS_URL);
  if (typeof auth === "string") problems.push(`REDIS_URL: ${auth}`);
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_NAME) {
    problems.push(
      "REDIS_SENTINEL_NAME (the master group name, e.g. mymaster) is required with REDIS_SENTINELS",
    );
  }
  if (e.REDIS_CLUSTER_NODES && typeof auth !== "string" && (auth.db ?? 0) !== 0) {
    problems.push("REDIS_URL: a Redis Cluster has database 0 only");
  }
  if (typeof hosts === "string" || typeof auth === "string" || problems.length > 0) return undefined;
  if (e.REDIS_CLUSTER_NODES) return { mode: "cluster", nodes: hosts, auth };
  return {
    mode: "sentinel",
    sentinels: hosts,
    name: e.REDIS_SENTINEL_NAME as string,
    ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
    auth,
  };
}

/** Variables that switch a chat platform on, for messages that tell an operator what to set. */
export const PLATFORM_VARIABLES = [
  "SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Slack over HTTP)",
  "SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Slack Socket Mode)",
  "MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD (Microsoft Teams)",
];
