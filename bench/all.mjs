// `npm run bench`: every benchmark in turn, each in its own process. A part that misses its budget
// or fails does not stop the ones after it; the exit status says whether all of them passed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const parts = ["run.mjs", "teams.mjs", "sustained.mjs"];
const failed = [];
for (const part of parts) {
  const file = fileURLToPath(new URL(part, import.meta.url));
  const { status } = spawnSync(process.execPath, [file], { stdio: "inherit" });
  if (status !== 0) failed.push(`${part} (exit ${status})`);
}
if (failed.length > 0) {
  console.error(`bench: not all parts passed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
