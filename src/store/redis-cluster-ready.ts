// Whether a Redis Cluster can serve every key, for /readyz: one node answering PING says little when
// the master holding a third of the slots is down. Every master that owns slots must answer, and
// each one's own view of the cluster must be cluster_state:ok.
import type { Cluster, Redis } from "ioredis";

/** Redis Cluster hashes keys into this many slots; each must have a master that answers. */
const SLOTS = 16_384;
/** The same bound as any store command (commandTimeout), so /readyz answers within about 2 s. */
export const CLUSTER_READY_MS = 2_000;

const keyOf = (n: Redis) => `${n.options.host}:${n.options.port}`;

export async function clusterCanServe(cluster: Cluster, boundMs = CLUSTER_READY_MS): Promise<boolean> {
  if (cluster.status !== "ready") return false;
  const masters = new Map(cluster.nodes("master").map((n) => [keyOf(n), n]));
  // The slot map is the cluster's own answer (CLUSTER SLOTS); a master whose connection ioredis
  // dropped is gone from the pool but still owns its slots there, which makes the cluster unready.
  const owners = new Set<string>();
  for (let slot = 0; slot < SLOTS; slot++) {
    const owner = cluster.slots[slot]?.[0];
    if (owner === undefined) return false;
    owners.add(owner);
  }
  const nodes = [...owners].map((k) => masters.get(k));
  if (nodes.some((n) => n === undefined)) {
    // ioredis reconnects to such a master only when it next reads the slot map, which store
    // traffic would prompt; a replica the load balancer took out gets none, so ask here, or it
    // would stay unready after the master is back.
    cluster.refreshSlotsCache();
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), boundMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      late,
      Promise.all(nodes.map((n) => stateOk(n as Redis))).then((all) => all.every(Boolean)),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** CLUSTER INFO from one master: it answers (a ping), and agrees the cluster is ok. */
async function stateOk(node: Redis): Promise<boolean> {
  try {
    return /cluster_state:ok/.test(await node.cluster("INFO"));
  } catch {
    return false;
  }
}
