// Runs bench/load.mjs in its own process so the load generator does not share a CPU with the
// server under test. Usage: node bench/load-child.mjs <json options>; prints the result as JSON.
import { createHmac } from "node:crypto";
import { load } from "./load.mjs";

const opts = JSON.parse(process.argv[2]);
let makeRequest;
if (opts.slackSecret) {
  // Slack signs each request over its timestamp (whole seconds) and body, so with a fixed body the
  // signature changes once a second; computing it once a second keeps the load generator light.
  let signedAt = -1;
  let headers;
  makeRequest = () => {
    const ts = Math.floor(Date.now() / 1000);
    if (ts !== signedAt) {
      signedAt = ts;
      const sig = `v0=${createHmac("sha256", opts.slackSecret).update(`v0:${ts}:${opts.body}`).digest("hex")}`;
      headers = {
        "content-type": opts.contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": sig,
      };
    }
    return { headers, body: opts.body };
  };
} else {
  makeRequest = () => ({ headers: { "content-type": opts.contentType }, body: opts.body });
}
console.log(JSON.stringify(await load({ ...opts, makeRequest })));
