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
