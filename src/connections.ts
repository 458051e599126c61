// Graceful shutdown of the HTTP server: stop listening, answer requests already on open connections
// (each with Connection: close), close keep-alive sockets once they have sat idle briefly, and cut
// whatever is left when the bound runs out. Closing idle sockets at once (what server.close() does)
// would reset a client that is sending its next request on that socket at the same moment.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

/** An idle keep-alive socket is closed after this long; a busy client is never idle this long. */
const IDLE_GRACE_MS = 1_000;

interface SocketState {
  active: number;
  idleSince: number;
}

export class Connections {
  private readonly sockets = new Map<Socket, SocketState>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on("connection", (socket: Socket) => {
      this.sockets.set(socket, { active: 0, idleSince: Date.now() });
      socket.once("close", () => this.sockets.delete(socket));
    });
  }

  /** Call first thing for every request; `done` runs once the response is over (one listener for both). */
  track(req: IncomingMessage, res: ServerResponse, done: () => void): void {
    const state = this.sockets.get(req.socket);
    if (this.draining) res.setHeader("connection", "close");
    if (state) state.active++;
    res.once("close", () => {
      if (state) {
        state.active--;
        state.idleSince = Date.now();
      }
      done();
    });
  }

  /** Resolves true when every connection closed by itself within `ms`, false when some were cut. */
  drain(ms: number): Promise<boolean> {
    this.draining = true;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (clean: boolean) => {
        if (settled) return;
        settled = true;
        clearInterval(sweep);
        clearTimeout(cut);
        resolve(clean);
      };
      // net.Server's close only stops listening; its callback runs once every connection has closed.
      NetServer.prototype.close.call(this.server, () => finish(true));
      const sweep = setInterval(() => {
        const now = Date.now();
        for (const [socket, s] of this.sockets) {
          if (s.active === 0 && now - s.idleSince >= IDLE_GRACE_MS) socket.destroy();
        }
      }, 100);
      const cut = setTimeout(() => {
        for (const socket of this.sockets.keys()) socket.destroy();
        finish(false);
      }, ms);
    });
  }
}
