// Listener argument types for the block actions sipcode handles.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  CheckboxesAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type CheckboxArgs = SlackActionMiddlewareArgs<BlockAction<CheckboxesAction>> & AllMiddlewareArgs;
