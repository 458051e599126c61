// Which Mobius status entry a request to a Mobius URL got: the phase its path names picks among
// the catalog's Mobius statuses of one code (registration, unregistration, call), with the ingress
// (platform) entry as the one any path can get.
import type { Entry } from "../../catalog/schema.js";

/** A URL on a Mobius host; group 1 is its path. */
export const MOBIUS_URL = /\bhttps?:\/\/[^\s/"'<>]*\bmobius\b[^\s/"'<>]*(\/[^\s"'<>?#]*)?/i;
/**
 * The phase of a request by its path, as the Webex Calling client calls Mobius: POST
 * `…/calling/web/device` registers, DELETE `…/devices/{id}` unregisters, and everything under
 * `…/devices/{id}/call` or `…/calls/…` is about a call.
 */
const CALL_PATH = /\/devices\/[^/]+\/calls?(?:\/|$)/;
const DEVICE_PATH = /\/devices\/[^/]+\/?$/;
const REGISTER_PATH = /\/device\/?$/;

export function pathPhase(path: string, segment: string): string | undefined {
  if (CALL_PATH.test(path)) return "call";
  if (REGISTER_PATH.test(path)) return "registration";
  if (DEVICE_PATH.test(path) && /\bDELETE\b/.test(segment)) return "unregistration";
  return undefined;
}

/**
 * Of the Mobius status entries (no mobius-error) of one code, the one for `phase` when exactly one
 * fits; else the one ingress (platform) entry, which any path can get (nginx's 429, a 503 while
 * not ready).
 */
export function phaseEntry(family: readonly Entry[], phase: string | undefined): Entry | undefined {
  const fits = phase === undefined ? family : family.filter((e) => e.phase === phase);
  if (fits.length === 1) return fits[0];
  const ingress = family.filter((e) => e.phase === "platform");
  return ingress.length === 1 ? ingress[0] : undefined;
}

/** The entry of `family` answered to the Mobius URL in `segment`; undefined when it names none. */
export function urlEntry(family: readonly Entry[], segment: string): Entry | undefined {
  const url = MOBIUS_URL.exec(segment);
  return url ? phaseEntry(family, pathPhase(url[1] ?? "", segment)) : undefined;
}
