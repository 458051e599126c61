// Exotel's v1 API answers in XML by default, in the shape of Twilio's 2010 API (its root element is
// even named <TwilioResponse>): an error is a <RestException> holding <Status> (the HTTP status),
// <Message>, and sometimes <Code>. Printed on one line, or pretty-printed with <Status>401</Status>
// alone on its line, the status is that API's HTTP answer, never a SIP response.
import { type Emit, hit, put } from "./hit.js";
import { isHttpStatus } from "./http-status.js";
import type { ScanIndex } from "./scan-index.js";

export const API_XML_STATUS = "api-xml-status";

/** The literal every match holds; gates.ts opens this detector's gate on it. */
export const XML_STATUS_ANCHOR = "<Status>";

const STATUS = /<Status>([1-5]\d\d)<\/Status>/g;
/** A pretty-printed body's status element, alone on its line. */
const ALONE = /^[ \t]*<Status>[1-5]\d\d<\/Status>[ \t]*\r?$/;
/** Exotel's own API error codes (1000–1011 and kin) in the same exception. */
const CODE = /<Code>(1\d{3})<\/Code>/g;

/**
 * The HTTP status of an API's XML error body: inside a <RestException> on the same line, or a
 * <Status> element alone on its line (the only number-valued <Status> such bodies hold; a call's
 * <Status> is a word, "completed"). An Exotel error code in the same exception counts too when
 * the catalog knows it.
 */
export function detectApiXml(segment: string, index: ScanIndex, emit: Emit): void {
  // Cheap test first: almost every line the gate lets through is some other HTTP line.
  if (!segment.includes(XML_STATUS_ANCHOR)) return;
  const exception = segment.includes("<RestException>");
  if (!exception && !ALONE.test(segment)) return;
  STATUS.lastIndex = 0;
  for (let m = STATUS.exec(segment); m !== null; m = STATUS.exec(segment)) {
    const code = Number(m[1]);
    if (isHttpStatus(code)) put(emit, hit("http", code, null, 0.9, API_XML_STATUS, true), m);
  }
  if (!exception) return;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(segment); m !== null; m = CODE.exec(segment)) {
    if (index.catalog.byId.has(`exotel/${m[1]}`))
      put(emit, hit("exotel", Number(m[1]), null, 0.9, API_XML_STATUS, true), m);
  }
}
