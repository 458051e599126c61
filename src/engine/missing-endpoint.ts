// A Dial() to a PJSIP endpoint this Asterisk has no configuration for: chan_pjsip logs "Unable to
// create PJSIP channel - endpoint 'carrier-trunk' was not found" and fails the leg with cause 3 (No
// route to destination) before any request is built. The catalog's usual sender of cause 3 is a
// switch with no route for the number, and its checks are the carrier's and the route patterns':
// here nothing left this Asterisk, so its own endpoint configuration and the dial string are what
// to check (chan-unavail.ts reads the line).
import { MISSING_ENDPOINT } from "./scan/chan-unavail.js";
import type { Finding } from "./scan/scanner.js";

const NAME = /^PJSIP endpoint '([^']+)'/;

/** The endpoint name a "was not found" finding names, or undefined for any other finding. */
export function missingEndpoint(f: Finding | null | undefined): string | undefined {
  if (f?.namespace !== "q850" || !f.reason?.startsWith(MISSING_ENDPOINT)) return undefined;
  return NAME.exec(f.reason)?.[1];
}

export function missingEndpointComponent(f: Finding): string | null {
  const name = missingEndpoint(f);
  if (name === undefined) return null;
  return `This Asterisk's PJSIP endpoint configuration: Dial() named endpoint '${name}', which is not configured (chan_pjsip found no endpoint by that name), so the call failed before anything was sent to any carrier`;
}

/** The checks of a Dial() to a missing endpoint: the endpoint list and the dial string lead. */
export function missingEndpointChecks(f: Finding): string[] | undefined {
  const name = missingEndpoint(f);
  if (name === undefined) return undefined;
  return [
    `In Asterisk, run \`pjsip show endpoint ${name}\` (it says the endpoint was not found) and \`pjsip show endpoints\`: compare the names configured with '${name}' letter by letter`,
    `Check the dialplan's Dial() target: in PJSIP/NUMBER@${name} the part after @ must be an endpoint's name (not an AOR, a host or a registration's name); a typo or a variable that expanded to the wrong name fails every call this way`,
    "If the endpoint was added or renamed recently, reload res_pjsip (module reload res_pjsip.so) and read the console for errors about its section: an endpoint whose section has a bad option or type is not loaded at all",
  ];
}
