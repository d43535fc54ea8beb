/**
 * What the person who installed an extension can do about its answer for this machine, in plain words: no
 * backticks and no command in a sentence (a command the user can run goes in its own copyable block; the
 * publisher's build command goes under "For the publisher"). Pure.
 */
import { loginCommand, parseReference, sentence } from '@core/index.js';
import type { InspectResult, MachineAnswer, ThisMachine } from '@core/index.js';

export interface WhatToDo {
  readonly text: string;
  /** A command the user can run themselves (a login), shown in a copyable block after the text. */
  readonly command?: string;
  /** True when the text asks the user to tell the publisher: the publisher's page is offered after it. */
  readonly tellPublisher: boolean;
}

/** The text without backticks: commands stay out of sentences. */
export function plainWords(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}

/** "The registry 127.0.0.1:5001", or "The registry" when the reference does not say. */
function registryOf(reference: string): string {
  const parsed = parseReference(reference);
  return parsed.ok ? `the registry ${parsed.value.domain}` : 'the registry';
}

const tell = (text: string): WhatToDo => ({ text, tellPublisher: true });
const self = (text: string, command?: string): WhatToDo => ({
  text,
  ...(command !== undefined ? { command } : {}),
  tellPublisher: false,
});

/** When nobody could tell: what would let the check answer. */
function whenUnknown(result: InspectResult): WhatToDo {
  const registry = registryOf(result.reference);
  switch (result.verdict) {
    case 'unauthorized':
      return self(
        `Log in to ${registry} with an account that may read this image, then refresh.`,
        loginCommand(result.reference),
      );
    case 'unreachable':
      return self(`Check the network connection and that ${registry} is up, then refresh.`);
    case 'invalid-reference':
      return self(
        'Check the reference: it looks like registry.example.com/org/name:tag, in lowercase, without spaces.',
      );
    case 'not-found':
      return tell(sentence(plainWords(result.userFix ?? 'Check the name and tag, or tell its publisher')));
    case 'error':
      if (result.failure?.kind === 'access-refused')
        return self('Open Arch Matrix again from the address its browser mode printed when it started.');
      if (result.failure?.kind === 'rate-limited')
        return self(
          `${registry.charAt(0).toUpperCase()}${registry.slice(1)} limits how often it is asked: wait a few minutes, then refresh.`,
        );
      if (result.failure?.kind === 'tool-missing')
        return self('Update Docker Desktop so that its buildx plugin is there, then refresh.');
      return self("Refresh to try again; docker's own message is under For the publisher.");
    case 'local-only':
      return self("Install it from its publisher's registry to learn whether it runs here.");
    default:
      // The platforms were read: what is not known is the inside.
      return self('Refresh later to check what is inside again.');
  }
}

/** What to do about the answer; undefined when it works here (nothing to do). */
export function whatToDo(result: InspectResult, answer: MachineAnswer, machine: ThisMachine): WhatToDo | undefined {
  switch (answer.answer) {
    case 'works':
      return undefined;
    case 'will-not-install':
      return tell(
        `Check for an update of this extension; if there is none, tell its publisher that it has no build for this machine${machine.platform === undefined ? '' : ` (${machine.platform})`}.`,
      );
    case 'broken':
      return tell(
        'Check for an update of this extension; if there is none, tell its publisher what is wrong for this machine (said above).',
      );
    case 'unknown':
      return whenUnknown(result);
  }
}
