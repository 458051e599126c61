// A directory named where a log was expected is reported as one, however the shell wrote it, and
// a directory the user may not open is not answered with a glob that cannot expand.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { directoryHint, logPathsNamed } from "../../../src/adapters/cli/file-args.js";

describe("a directory among the words", () => {
  const cwd = process.cwd();
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), "sipcode-dirs-"));
    mkdirSync(join(dir, "logs", "inner"), { recursive: true });
    writeFileSync(join(dir, "logs", "a.log"), "SIP/2.0 486 Busy Here\n");
    process.chdir(dir);
  });
  afterEach(() => process.chdir(cwd));

  it("is a path when written relative with a trailing slash, as tab completion does", () => {
    expect(logPathsNamed(["logs/"])).toEqual(["logs/"]);
    expect(logPathsNamed(["logs/inner"])).toEqual(["logs/inner"]);
    expect(logPathsNamed(["logs/", "logs/a.log"])).toEqual(["logs/", "logs/a.log"]);
  });

  it("never hides a code or a word that merely has a slash", () => {
    expect(logPathsNamed(["logs"])).toBeNull();
    expect(logPathsNamed(["410/3112"])).toBeNull();
  });

  it("suggests scanning the logs in it when it can be opened", () => {
    expect(directoryHint("logs/", () => true)).toBe("Scan the files in it: sipcode scan logs/*.log");
  });

  it("says it cannot be opened instead of suggesting a glob", () => {
    const hint = directoryHint("logs/", () => false) ?? "";
    expect(hint).toMatch(/not allowed to open/);
    expect(hint).not.toMatch(/\*\.log/);
  });
});
