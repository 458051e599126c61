// Exotel's v1 API (and Twilio's 2010 API) answer in XML by default: an error is a <RestException>
// whose <Status> is the HTTP status the API answered with.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ids = (text: string) => scanText(catalog(), text).findings.map((f) => f.id);

const BODY = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  "<TwilioResponse>",
  " <RestException>",
  "  <Status>401</Status>",
  "  <Message>Authentication is required to view this page.</Message>",
  " </RestException>",
  "</TwilioResponse>",
];

describe("an API's XML error body", () => {
  it("reads a pretty-printed RestException's status as HTTP", () => {
    expect(ids(BODY.join("\n"))).toEqual(["http/401"]);
  });

  it("reads the one-line form, with an Exotel error code the catalog knows", () => {
    const log =
      "<TwilioResponse><RestException><Status>400</Status><Message>Invalid parameter</Message><Code>1002</Code></RestException></TwilioResponse>";
    expect(ids(log)).toEqual(["http/400", "exotel/1002"]);
  });

  it("counts the body once under curl -i's status line", () => {
    const log = ["HTTP/1.1 401 Unauthorized", "Content-Type: application/xml", "", ...BODY].join("\n");
    const found = scanText(catalog(), log).findings;
    expect(found.map((f) => f.id)).toEqual(["http/401"]);
    expect(found[0]?.line).toBe(1);
  });

  it("leaves a resource's word status and a status inside other text alone", () => {
    expect(ids("<Call>\n  <Status>completed</Status>\n</Call>")).toEqual([]);
    expect(ids("<Entry><Status>200</Status><Name>x</Name></Entry>")).toEqual([]);
  });
});
