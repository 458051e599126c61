// The Redis variables: one REDIS_URL, sentinels with their master group, or cluster seed nodes; a
// partial or malformed setting stops the server with a message naming the variable.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { ConfigError } from "../src/errors.js";

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return "";
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems.join("\n");
  }
};

describe("Redis configuration", () => {
  it("keeps REDIS_URL alone as one Redis, passed on as written", () => {
    expect(loadConfig({ REDIS_URL: "redis://:pw@redis:6379/2" }).redis).toEqual({
      mode: "single",
      url: "redis://:pw@redis:6379/2",
    });
    expect(loadConfig({}).redis).toBeUndefined();
  });

  it("reads sentinels, the master group and both passwords", () => {
    const c = loadConfig({
      REDIS_SENTINELS: "sentinel-1:26379, sentinel-2:26379,[::1]:26380",
      REDIS_SENTINEL_NAME: "mymaster",
      REDIS_SENTINEL_PASSWORD: "s3ntinel",
      REDIS_URL: "redis://app:p%40ss@ignored-host:6379/3",
    });
    expect(c.redis).toEqual({
      mode: "sentinel",
      sentinels: [
        { host: "sentinel-1", port: 26379 },
        { host: "sentinel-2", port: 26379 },
        { host: "::1", port: 26380 },
      ],
      name: "mymaster",
      sentinelPassword: "s3ntinel",
      auth: { username: "app", password: "p@ss", db: 3 },
    });
  });

  it("reads cluster seed nodes, with the password from REDIS_URL", () => {
    expect(
      loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000,10.0.0.2:7000", REDIS_URL: "redis://:pw@x" }).redis,
    ).toEqual({
      mode: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7000 },
      ],
      auth: { password: "pw" },
    });
  });

  it("names the variable of a partial or malformed setting", () => {
    expect(problems({ REDIS_SENTINELS: "s1:26379" })).toMatch(
      /REDIS_SENTINEL_NAME .* is required with REDIS_SENTINELS/,
    );
    expect(problems({ REDIS_SENTINEL_NAME: "mymaster" })).toMatch(
      /REDIS_SENTINEL_NAME is set but REDIS_SENTINELS is not/,
    );
    expect(problems({ REDIS_SENTINEL_PASSWORD: "x" })).toMatch(
      /REDIS_SENTINEL_PASSWORD is set but REDIS_SENTINELS is not/,
    );
    for (const bad of ["s1", "s1:", "s1:port", "s1:70000", "redis://s1:26379", "s1:26379,,s2"]) {
      const said = problems({ REDIS_SENTINELS: bad, REDIS_SENTINEL_NAME: "m" });
      if (bad === "s1:26379,,s2") expect(said).toMatch(/REDIS_SENTINELS: "s2" is not host:port/);
      else expect(said, bad).toMatch(/REDIS_SENTINELS: .* is not host:port/);
    }
    expect(problems({ REDIS_CLUSTER_NODES: "n1:7000,n2" })).toMatch(
      /REDIS_CLUSTER_NODES: "n2" is not host:port/,
    );
    expect(problems({ REDIS_CLUSTER_NODES: " , " })).toMatch(
      /REDIS_CLUSTER_NODES: give at least one host:port/,
    );
    expect(
      problems({ REDIS_SENTINELS: "s1:26379", REDIS_SENTINEL_NAME: "m", REDIS_CLUSTER_NODES: "n1:7000" }),
    ).toMatch(/set REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both/);
    expect(problems({ REDIS_CLUSTER_NODES: "n1:7000", REDIS_URL: "redis://n1/2" })).toMatch(
      /REDIS_URL: a Redis Cluster has database 0 only/,
    );
    expect(problems({ REDIS_CLUSTER_NODES: "n1:7000", REDIS_URL: "rediss://:pw@n1" })).toMatch(
      /REDIS_URL: TLS/,
    );
    expect(
      problems({ REDIS_SENTINELS: "s1:26379", REDIS_SENTINEL_NAME: "m", REDIS_URL: "http://x" }),
    ).toMatch(/REDIS_URL: must start with redis:\/\//);
  });

  it("never repeats a password in a problem", () => {
    const said = problems({ REDIS_CLUSTER_NODES: "n1:7000", REDIS_URL: "redis://:hunter2@n1/5" });
    expect(said).toMatch(/REDIS_URL/);
    expect(said).not.toContain("hunter2");
  });

  it("reads empty values as unset", () => {
    const c = loadConfig({
      REDIS_URL: "",
      REDIS_SENTINELS: "",
      REDIS_SENTINEL_NAME: " ",
      REDIS_SENTINEL_PASSWORD: "",
      REDIS_CLUSTER_NODES: "",
    });
    expect(c.redis).toBeUndefined();
  });
});
