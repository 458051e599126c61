// Keep-alive HTTP clients for load-style tests: one socket per client, reused between requests the
// way a load balancer or Slack's and Microsoft's senders reuse theirs.
import { Agent, request } from "node:http";

export interface Answer {
  status: number;
  /** The Connection header of the response ("close" tells the client not to reuse the socket). */
  connection: string | undefined;
  body: string;
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/** POSTs a body; rejects with the socket error (its `code`, e.g. ECONNREFUSED) when there is no answer. */
export function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
