// One info line per Slack request the listeners handled: what it was (event, command, action,
// shortcut), Slack's own ids to correlate with Slack's logs, and how long it took. Never the text.
// The same fields name a reply a shutdown had to abandon, so someone can go back to that thread.

export interface SlackRequestFields {
  kind: string;
  event_id?: string;
  trigger_id?: string;
  action?: string;
  team?: string;
  channel?: string;
  /** The message the request is about (an event's message, a clicked button's message). */
  ts?: string;
  /** The thread that message is in, where the reply goes. */
  thread_ts?: string;
}

type Body = Record<string, unknown> & {
  event?: { type?: string; channel?: string; ts?: string; thread_ts?: string; event_ts?: string };
  container?: { message_ts?: string; thread_ts?: string };
  actions?: Array<{ action_id?: string }>;
  channel?: { id?: string } | string;
  team?: { id?: string };
};

export function describeSlackBody(raw: unknown): SlackRequestFields {
  const b = (raw ?? {}) as Body;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const team = str(b.team_id) ?? b.team?.id;
  if (b.type === "event_callback") {
    return {
      kind: `event:${b.event?.type ?? "?"}`,
      event_id: str(b.event_id),
      team,
      channel: b.event?.channel,
      ts: str(b.event?.ts) ?? str(b.event?.event_ts),
      thread_ts: str(b.event?.thread_ts),
    };
  }
  if (str(b.command)) {
    return { kind: `command:${b.command}`, trigger_id: str(b.trigger_id), team, channel: str(b.channel_id) };
  }
  const channel = typeof b.channel === "object" ? b.channel?.id : str(b.channel_id);
  return {
    kind: str(b.type) ?? "unknown",
    action: b.actions?.[0]?.action_id ?? str(b.callback_id),
    trigger_id: str(b.trigger_id),
    team,
    channel,
    ts: str(b.container?.message_ts),
    thread_ts: str(b.container?.thread_ts),
  };
}
