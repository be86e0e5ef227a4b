import { describe, expect, it } from 'vitest';
import {
  CALLBACK_COMMAND_ALIASES,
  canonicalCallbackCommand,
  isKnownCallbackCommand,
  KNOWN_CALLBACK_COMMANDS,
} from './known-callback-commands.js';

describe('known callback commands', () => {
  it('include the recording-state callback of the 2026-03 command list, spelt as on the zh page 269/129603', () => {
    expect(KNOWN_CALLBACK_COMMANDS).toContain('Live.CallbackAfterCloudRecordingChanged');
    expect(new Set(KNOWN_CALLBACK_COMMANDS).size).toBe(KNOWN_CALLBACK_COMMANDS.length);
  });

  it("map 647/64424's table spelling to the command to register, and leave every other word alone", () => {
    expect(canonicalCallbackCommand('Live.CallbackMemberStateChanged')).toBe('Live.CallbackAfterMemberStateChanged');
    expect(canonicalCallbackCommand('Follow.CallbackAfterCloudRecordingChanged')).toBe('Live.CallbackAfterCloudRecordingChanged');
    for (const command of KNOWN_CALLBACK_COMMANDS) expect(canonicalCallbackCommand(command)).toBe(command);
    expect(canonicalCallbackCommand('Live.CallbackAfterSomethingNew')).toBe('Live.CallbackAfterSomethingNew');
    expect(canonicalCallbackCommand('toString')).toBe('toString');
    expect(canonicalCallbackCommand('live.callbackmemberstatechanged')).toBe('live.callbackmemberstatechanged');
  });

  it('alias only known commands, and are not themselves registered spellings', () => {
    for (const [alias, command] of Object.entries(CALLBACK_COMMAND_ALIASES)) {
      expect(isKnownCallbackCommand(command)).toBe(true);
      expect(isKnownCallbackCommand(alias)).toBe(false);
    }
  });
});
