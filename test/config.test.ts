// Configuration is validated once at start, with messages that name the variable to fix.
import { describe, expect, it } from "vitest";
import { loadCliConfig, loadConfig } from "../src/config.js";
import { ConfigError } from "../src/errors.js";

const APP_ID = "0a1b2c3d-0000-4000-8000-00000000abcd";

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe("loadConfig", () => {
  it("defaults to no platform, port 3000, phone masking on", () => {
    const c = loadConfig({});
    expect(c.slack).toBeNull();
    expect(c.teams).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.maskPhoneNumbers).toBe(true);
  });

  it("enables Slack over HTTP or Socket Mode", () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(http.slack?.signingSecret).toBe("s");
    const socket = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_AUTO_EXPLAIN_CHANNELS: "C1, C2",
    });
    expect(socket.slack?.appToken).toBe("xapp-1");
    expect(socket.slack?.autoExplainChannels).toEqual(["C1", "C2"]);
    expect(loadConfig({ TEAMS_AUTO_EXPLAIN: "true" }).teamsAutoExplain).toBe(true);
    expect(loadConfig({}).teamsAutoExplain).toBe(false);
  });

  it("names what is missing or malformed", () => {
    expect(problems({ SLACK_SIGNING_SECRET: "s" }).join(" ")).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" }).join(" ")).toMatch(
      /SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/,
    );
    expect(problems({ SLACK_BOT_TOKEN: "xoxp-1", SLACK_SIGNING_SECRET: "s" }).join(" ")).toMatch(
      /must start with xoxb-/,
    );
    expect(problems({ MICROSOFT_APP_ID: APP_ID }).join(" ")).toMatch(/MICROSOFT_APP_PASSWORD/);
    expect(
      problems({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "p",
        MICROSOFT_APP_TYPE: "SingleTenant",
      }).join(" "),
    ).toMatch(/MICROSOFT_APP_TENANT_ID/);
    expect(problems({ PORT: "http" }).join(" ")).toMatch(/PORT/);
    expect(problems({ LOG_LEVEL: "loud" }).join(" ")).toMatch(/LOG_LEVEL/);
    // A mistyped switch stops the process instead of quietly turning phone masking off.
    expect(problems({ SIPCODE_MASK_PHONE_NUMBERS: "maybe" }).join(" ")).toMatch(
      /SIPCODE_MASK_PHONE_NUMBERS: use true or false/,
    );
    expect(problems({ TEAMS_AUTO_EXPLAIN: "ture" }).join(" ")).toMatch(/TEAMS_AUTO_EXPLAIN/);
  });

  it("reads every spelling of on and off", () => {
    for (const off of ["false", "0", "no", "OFF", " false "])
      expect(loadConfig({ SIPCODE_MASK_PHONE_NUMBERS: off }).maskPhoneNumbers).toBe(false);
    for (const on of ["true", "1", "yes", "On", ""])
      expect(loadConfig({ SIPCODE_MASK_PHONE_NUMBERS: on }).maskPhoneNumbers).toBe(true);
  });

  // PORT=${PORT} in an env file or a Helm template with the value unset: empty is "not set".
  it("reads an empty value as unset, never as port 0 or an invalid setting", () => {
    const c = loadConfig({
      PORT: "",
      HOST: " ",
      LOG_LEVEL: "",
      SLACK_API_URL: "",
      SLACK_MAX_FILE_BYTES: "",
      MICROSOFT_APP_TYPE: "",
      NODE_ENV: "",
      NO_COLOR: "",
      SIPCODE_CATALOG_DIR: "",
      REDIS_URL: "",
      TEAMS_AUTO_EXPLAIN: "",
      SIPCODE_MASK_PHONE_NUMBERS: "",
      SLACK_BOT_TOKEN: "",
      MICROSOFT_APP_ID: "",
    });
    expect(c.port).toBe(3000);
    expect(c.host).toBe("0.0.0.0");
    expect(c.logLevel).toBe("info");
    expect(c.production).toBe(false);
    expect(c.noColor).toBe(false);
    expect(c.catalogDir).toBeUndefined();
    expect(c.redis).toBeUndefined();
    expect(c.maskPhoneNumbers).toBe(true);
    expect(c.teamsAutoExplain).toBe(false);
    expect(c.slack).toBeNull();
    expect(c.teams).toBeNull();
    const slack = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "",
      SLACK_MAX_FILE_BYTES: "",
    });
    expect(slack.slack?.apiUrl).toBeUndefined();
    expect(slack.slack?.maxFileBytes).toBe(2_000_000);
    expect(slack.slack?.apiTimeoutMs).toBeUndefined();
    const slow = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    expect(loadConfig({ ...slow, SLACK_API_TIMEOUT_MS: "15000" }).slack?.apiTimeoutMs).toBe(15_000);
    expect(problems({ ...slow, SLACK_API_TIMEOUT_MS: "50" }).join(" ")).toMatch(/SLACK_API_TIMEOUT_MS/);
    expect(loadConfig({ ...slow, SLACK_SOCKET_GRACE_MS: "5000" }).slack?.socketGraceMs).toBe(5_000);
    expect(problems({ ...slow, SLACK_SOCKET_GRACE_MS: "10" }).join(" ")).toMatch(/SLACK_SOCKET_GRACE_MS/);
    expect(loadConfig({ ...slow, SLACK_SOCKET_RETRY_MAX_MS: "5000" }).slack?.socketRetryMaxMs).toBe(5_000);
    expect(loadConfig(slow).slack?.socketRetryMaxMs).toBeUndefined();
    for (const bad of ["10", "600000", "soon"])
      expect(problems({ ...slow, SLACK_SOCKET_RETRY_MAX_MS: bad }).join(" ")).toMatch(
        /SLACK_SOCKET_RETRY_MAX_MS/,
      );
    expect(problems({ TEAMS_CHECKLIST_SECRET: "short" }).join(" ")).toMatch(/TEAMS_CHECKLIST_SECRET/);
    const teams = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "p",
      MICROSOFT_APP_TYPE: "",
    });
    expect(teams.teams?.appType).toBe("MultiTenant");
    // A port written out is still used as written, 0 included.
    expect(loadConfig({ PORT: "0" }).port).toBe(0);
    expect(loadConfig({ PORT: "8080" }).port).toBe(8080);
    expect(problems({ PORT: "abc" }).join(" ")).toMatch(/PORT/);
  });

  // Looking up a code on the bot host must not depend on the server's settings.
  it("checks only the CLI's own variables for the command line and the shell", () => {
    const env = { LOG_LEVEL: "INFO", SLACK_BOT_TOKEN: "xoxb-1", PORT: "http", MICROSOFT_APP_ID: "id" };
    expect(problems(env).join(" ")).toMatch(/LOG_LEVEL/);
    expect(loadCliConfig(env)).toEqual({ noColor: false, catalogDir: undefined, maskPhoneNumbers: true });
    expect(loadCliConfig({ NO_COLOR: "1", SIPCODE_MASK_PHONE_NUMBERS: "off" })).toMatchObject({
      noColor: true,
      maskPhoneNumbers: false,
    });
    expect(() => loadCliConfig({ SIPCODE_MASK_PHONE_NUMBERS: "maybe" })).toThrow(ConfigError);
  });
});
