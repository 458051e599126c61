// What a scan of a snippet found, as short strings a test can compare: "sip 486 @2".
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "./catalog.js";

/** Every finding as "namespace code @line", in order. */
export function found(text: string): string[] {
  return scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code} @${f.line}`);
}

/** Every finding as "namespace code", in order. */
export function codesIn(text: string): string[] {
  return scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code}`);
}
