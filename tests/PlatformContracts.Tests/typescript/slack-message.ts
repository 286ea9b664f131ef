import type { KnownBlock } from "@slack/types";

/**
 * The body of a slash command's immediate answer and of a POST to its response_url, as Slack documents it
 * ("Handling user interaction" → "Message responses", and chat.postMessage's arguments for the shared fields).
 * @slack/types publishes the Block Kit types but not this envelope, so the envelope is written out here;
 * the blocks are checked against @slack/types' own KnownBlock.
 */
export interface SlackResponseMessage {
  response_type?: "ephemeral" | "in_channel";
  text: string;
  blocks?: KnownBlock[];
  replace_original?: boolean;
  delete_original?: boolean;
  link_names?: boolean;
  parse?: "none" | "full";
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  mrkdwn?: boolean;
  thread_ts?: string;
}

/**
 * What the bot sends back on a Socket Mode WebSocket for each envelope (api.slack.com/apis/socket-mode,
 * "Acknowledging events"): the envelope's id and, for a slash command, optionally the answer as it would be the
 * HTTP response's body. Slack's Socket Mode envelopes are not in @slack/types, so this is written out too.
 */
export interface SlackSocketModeAcknowledgement {
  envelope_id: string;
  payload?: SlackResponseMessage;
}
