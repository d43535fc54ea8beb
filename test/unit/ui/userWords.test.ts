/** What the person who installed an extension is told to do: plain words, never a backtick or a command in a sentence. */
import { describe, expect, it } from 'vitest';
import { answerForThisMachine, type InspectResult, type ThisMachine } from '@core/index.js';
import { plainWords, whatToDo } from '@ui/features/matrix/model/userWords';
import { inspectImage } from '@commands/inspectImage.js';
import { recorded } from '../../support/corpus.js';
import { fixturePort } from '../../support/fixturePort.js';
import { DEEP_WRONG } from '../../support/reportResults.js';

const MAC: ThisMachine = { platform: 'linux/arm64', os: 'darwin' };
const ARM64 = { os: 'linux', architecture: 'arm64' };

async function recordedResult(reference: string): Promise<InspectResult> {
  return inspectImage(fixturePort().exec, { reference }, { host: ARM64 });
}

const advice = (result: InspectResult) => whatToDo(result, answerForThisMachine(result, MAC), MAC);

describe('whatToDo (recorded results, an Apple-silicon Mac)', () => {
  it('nothing when it works here', async () => {
    expect(advice(await recordedResult(recorded('good')))).toBeUndefined();
  });

  it('will not install, broken: check for an update or tell the publisher', async () => {
    expect(advice(await recordedResult(recorded('amd64-only')))).toEqual({
      text: 'Check for an update of this extension; if there is none, tell its publisher that it has no build for this machine (linux/arm64).',
      tellPublisher: true,
    });
    expect(advice(DEEP_WRONG)?.text).toMatch(
      /^Check for an update of this extension; if there is none, tell its publisher/,
    );
  });

  it('unknown: what would let the check answer; a login command in its own block, never in the sentence', async () => {
    const login = advice(await recordedResult('127.0.0.1:5001/private/good:1.0.0'));
    expect(login).toEqual({
      text: 'Log in to the registry 127.0.0.1:5001 with an account that may read this image, then refresh.',
      command: 'docker login 127.0.0.1:5001',
      tellPublisher: false,
    });
    const unreachable = advice(await recordedResult('127.0.0.1:5999/corpus/good:1.0.0'));
    expect(unreachable?.text).toBe(
      'Check the network connection and that the registry 127.0.0.1:5999 is up, then refresh.',
    );
    for (const reference of ['127.0.0.1:5000/corpus/does-not-exist:1.0.0', '127.0.0.1:5000/Corpus/Good:1.0.0']) {
      const text = advice(await recordedResult(reference))?.text ?? '';
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/`|docker |archmatrix/);
    }
  });

  it('plainWords keeps the words and drops the backticks', () => {
    expect(plainWords('Run `archmatrix --deep` here')).toBe('Run archmatrix --deep here');
  });
});
