// A failure's Retry-After in words: for an SBC or proxy it is the key fact, since the server that
// sent it is taken out of service for that long and every call in the window fails or fails over.
import { normalizeText } from "../catalog/text.js";
import type { Finding } from "./scan/scanner.js";

/** "300 s (5 min)", or "45 s". */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const min = seconds / 60;
  return `${seconds} s (${Number.isInteger(min) ? min : min.toFixed(1)} min)`;
}

/** The summary's sentence about the first failure's Retry-After, if it carries one. */
export function retryAfterSentence(first: Finding): string | undefined {
  if (first.retryAfter === undefined) return undefined;
  return `The ${first.code} carries Retry-After: ${first.retryAfter}, so ${first.host ?? "its sender"} asked to be left alone for ${duration(first.retryAfter)}: a proxy or SBC that honours it sends it no requests until then, and calls in that window fail or fail over.`;
}

/** The catalog's conditional "Check Retry-After if present" advice, stated once the log shows one. */
const IF_PRESENT = normalizeText("Check Retry-After if present");

export function retryAfterChecks(checks: string[], first: Finding): string[] {
  if (first.retryAfter === undefined) return checks;
  const stated = `Retry-After is ${duration(first.retryAfter)}: check whether your proxy/SBC took ${first.host ?? "that server"} out of service for that long, and which calls in that window failed or failed over`;
  return checks.map((c) => (normalizeText(c).startsWith(IF_PRESENT) ? stated : c));
}
