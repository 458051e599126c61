// Microsoft Teams as a PlatformPart of the shared server: POST /api/messages through a botbuilder
// CloudAdapter, and the deliverer of Teams reminders. botbuilder stays inside this folder so a move
// to the Teams SDK touches only it.
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { ConfigError } from "../../errors.js";
import type { PartContext, PlatformPart } from "../../server.js";
import { type ConnectorOptions, TeamsAdapter, turnErrorHandler } from "./adapter.js";
import { SipcodeTeamsBot } from "./bot.js";
import { ConversationRefs } from "./conversations.js";
import { messagesHandler } from "./http.js";
import { checklistSecret } from "./ref-secret.js";
import { TEAMS_PLATFORM, teamsDeliverer } from "./reminders.js";

export const TEAMS_ROUTE = "/api/messages";

export type TeamsPartDeps = PartContext & {
  /** Connector retries and deadline; the defaults suit production, tests shorten them. */
  connector?: ConnectorOptions;
};

export async function createTeamsPart({
  config,
  catalog,
  logger,
  store,
  reminders,
  connector,
}: TeamsPartDeps): Promise<PlatformPart> {
  const teams = config.teams;
  if (!teams && config.production) {
    throw new ConfigError([
      "MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are required for Teams in production",
    ]);
  }
  // An empty app id switches botbuilder's JWT validation off (the Emulator / Agents Playground mode);
  // with an app id every request must carry a valid Bot Framework token or gets 401.
  const auth = new ConfigurationBotFrameworkAuthentication(
    teams
      ? {
          MicrosoftAppId: teams.appId,
          MicrosoftAppPassword: teams.appPassword,
          MicrosoftAppType: teams.appType,
          MicrosoftAppTenantId: teams.tenantId,
        }
      : {},
  );
  if (!teams) {
    logger.warn(
      "no MICROSOFT_APP_ID: /api/messages is unauthenticated (development only) and serves only a local Emulator or Agents Playground (serviceUrl on localhost)",
      { host: config.host },
    );
  }
  const adapter = new TeamsAdapter(auth, logger, connector);
  adapter.onTurnError = turnErrorHandler(logger);
  const conversations = new ConversationRefs(store, logger);
  // An empty app id matches the unauthenticated mode above: proactive sends carry no token either.
  reminders.register(
    TEAMS_PLATFORM,
    teamsDeliverer({ adapter, appId: teams?.appId ?? "", conversations, logger }),
  );
  const bot = new SipcodeTeamsBot({
    catalog,
    logger,
    maskPhoneNumbers: config.maskPhoneNumbers,
    autoExplain: config.teamsAutoExplain,
    // Never the app id: it is public, and with UserAssignedMSI there is no password to use instead.
    secret: await checklistSecret({
      password: teams?.appPassword ?? config.teamsChecklistSecret,
      store,
      logger,
    }),
    conversations,
    reminders,
    store,
  });
  return {
    name: "teams",
    route: { path: TEAMS_ROUTE, handle: messagesHandler(adapter, bot, logger, { loopbackOnly: !teams }) },
    // Replies and card updates still on their way finish first (drain.ts); other state is in the
    // Store, closed after the parts. False when some call was given up: the server's last log line
    // then says the stop was not clean.
    stop: () => adapter.drain.finish(),
  };
}
