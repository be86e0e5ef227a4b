import type { DownlinkMessage } from '@tokenwire/aicc-messaging';
import type { Style } from '../output/style.js';

/** The text of a downlink message: its content, or a description of media. */
export function messageText(message: DownlinkMessage): string {
  const content = Array.isArray(message.content) ? message.content.join(', ') : String(message.content ?? '');
  if (message.mediaType === 'TEXT' || message.mediaType === undefined) return content;
  return `[${String(message.mediaType).toLowerCase()}] ${content}`;
}

/** Who sent a message, for the transcript: `robot`, `agent Alice`, `system`. */
export function senderLabel(message: DownlinkMessage): string {
  const source = String(message.sourceType ?? 'SYSTEM').toLowerCase();
  const nickname = message.senderNickname;
  if (source === 'agent') return nickname ? `agent ${nickname}` : 'agent';
  if (source === 'robot') return nickname ? `robot ${nickname}` : 'robot';
  return source;
}

/** Lines for one incoming message: sender and text, plus the robot's suggested questions. */
export function renderDownlinkMessage(message: DownlinkMessage, style: Style): string[] {
  if (message.controlType === 'READ') return [style.dim(`  ✓✓ read by the agent`)];
  const source = String(message.sourceType ?? 'SYSTEM');
  const colour = source === 'AGENT' ? style.magenta : source === 'ROBOT' ? style.cyan : style.dim;
  const lines = [`${colour(`${senderLabel(message)} ›`)} ${source === 'SYSTEM' ? style.dim(messageText(message)) : messageText(message)}`];
  const suggestions = message.simQuestions ?? [];
  if (suggestions.length > 0) lines.push(style.dim(`  ↳ related: ${suggestions.join(' · ')}`));
  return lines;
}
