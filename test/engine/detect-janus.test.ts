// The Janus SIP plugin's events carry the SIP response of a hangup or a failed registration;
// Janus's own error codes are no SIP codes.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (text: string) => scanText(catalog(), text).findings;
const event = (data: string) =>
  `{"janus":"event","session_id":4718399182374512,"sender":7182635401928374,"plugindata":{"plugin":"janus.plugin.sip","data":${data}}}`;

describe("Janus SIP plugin events", () => {
  it("reads a hangup's code and reason as the SIP answer to the call", () => {
    const f = scan(
      event(
        '{"sip":"event","call_id":"f3b1c2d4e5a6","result":{"event":"hangup","code":486,"reason":"Busy Here"}}',
      ),
    );
    expect(f.map((x) => `${x.namespace} ${x.code} ${x.method}`)).toEqual(["sip 486 INVITE"]);
  });

  it("reads a failed registration as the REGISTER's answer", () => {
    const f = scan(
      event('{"sip":"event","result":{"event":"registration_failed","code":403,"reason":"Forbidden"}}'),
    );
    expect(f.map((x) => `${x.namespace} ${x.code} ${x.method}`)).toEqual(["sip 403 REGISTER"]);
  });

  it("reports no code for Janus's own errors", () => {
    const text = [
      event('{"sip":"event","error_code":448,"error":"Missing SDP"}'),
      '{"janus":"error","session_id":4718399182374512,"transaction":"aB3dE5fG7hJ9","error":{"code":458,"reason":"No such session 4718399182374512"}}',
      event(
        '{"sip":"event","result":{"event":"registered","username":"sip:1001@pbx.example.com","register_sent":true}}',
      ),
    ].join("\n");
    expect(scan(text)).toEqual([]);
  });
});
