// One info line per Slack request the listeners handled: what it was (event, command, action,
// shortcut), Slack's own ids to correlate with Slack's logs, and how long it took. Never the text.

export interface SlackRequestFields {
  kind: string;
  event_id?: string;
  trigger_id?: string;
  action?: string;
  team?: string;
  channel?: string;
}

type Body = Record<string, unknown> & {
  event?: { type?: string; channel?: string };
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
  };
}
