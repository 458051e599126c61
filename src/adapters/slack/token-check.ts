// One auth.test with the bot token when the server starts, in the background so start-up needs no
// network: a token Slack refuses (mistyped, revoked, another workspace's) would otherwise show up
// only as every thread reply failing. A refusal is logged naming SLACK_BOT_TOKEN and makes /readyz
// say so; a network failure says nothing about the token and is only logged.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../log.js";
import { slackError } from "./send.js";

/**
 * Slack's answers that mean a token itself is wrong (auth.test for the bot token,
 * apps.connections.open for the app token), not that Slack was unreachable.
 */
export const REFUSED_TOKEN: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "user_removed_from_team",
  "team_disabled",
]);

export class TokenCheck {
  /** Set once Slack refused the token: what /readyz reports. */
  problem: string | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly token: string,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<void> {
    try {
      const r = await this.client.auth.test({ token: this.token });
      this.problem = undefined;
      this.logger.info("slack bot token accepted", { team: r.team_id, botUser: r.user_id });
    } catch (err) {
      const { code } = slackError(err);
      if (REFUSED_TOKEN.has(code)) {
        this.problem = `Slack refused SLACK_BOT_TOKEN (${code})`;
        this.logger.error(
          "Slack refused SLACK_BOT_TOKEN: thread replies, mentions and shortcuts will fail until it is replaced with the app's current Bot User OAuth Token (xoxb-…)",
          { code },
        );
      } else {
        this.logger.warn("could not check SLACK_BOT_TOKEN with auth.test", { code });
      }
    }
  }
}

/** The sentence for an app-level token Slack refused when Socket Mode connects, or undefined. */
export function appTokenProblem(err: unknown): string | undefined {
  const e = err as { data?: { error?: string }; message?: string };
  const code =
    e?.data?.error ??
    /\b(invalid_auth|not_authed|token_revoked|not_allowed_token_type)\b/.exec(e?.message ?? "")?.[1];
  if (!code || !REFUSED_TOKEN.has(code)) return undefined;
  return `Slack refused SLACK_APP_TOKEN (${code}): check it is the app-level token (xapp-…) of this app, with the connections:write scope, and that Socket Mode is enabled.`;
}
