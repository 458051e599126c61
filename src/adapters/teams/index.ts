// Microsoft Teams as a PlatformPart of the shared server: POST /api/messages through a botbuilder
// CloudAdapter. botbuilder stays inside this folder so a move to the Teams SDK touches only it.
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import { ConfigError } from "../../errors.js";
import type { Logger } from "../../log.js";
import type { PlatformPart } from "../../server.js";
import { TeamsAdapter, turnErrorHandler } from "./adapter.js";
import { SipcodeTeamsBot } from "./bot.js";
import { messagesHandler } from "./http.js";

export const TEAMS_ROUTE = "/api/messages";

export interface TeamsPartDeps {
  config: Config;
  catalog: Catalog;
  logger: Logger;
}

export async function createTeamsPart({ config, catalog, logger }: TeamsPartDeps): Promise<PlatformPart> {
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
    logger.warn("no MICROSOFT_APP_ID: /api/messages accepts unauthenticated activities (development only)");
  }
  const adapter = new TeamsAdapter(auth, logger);
  adapter.onTurnError = turnErrorHandler(logger);
  const bot = new SipcodeTeamsBot({
    catalog,
    logger,
    maskPhoneNumbers: config.maskPhoneNumbers,
    autoExplain: teams?.autoExplain ?? false,
    secret: teams?.appPassword ?? teams?.appId ?? "sipcode-development",
  });
  return {
    name: "teams",
    route: { path: TEAMS_ROUTE, handle: messagesHandler(adapter, bot, logger) },
    // Stateless: nothing to drain beyond the in-flight requests the server already waits for.
    stop: async () => {},
  };
}
