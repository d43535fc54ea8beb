/** Reading the engine's answers: a whole body within a byte cap, and an error answer as a typed failure. */
import type { Readable } from 'node:stream';
import { isRecord } from '../core/index.js';
import type { EngineCall } from './engineCalls.js';
import { EngineError, engineFailure, type EngineFailure } from './engineFailure.js';
import type { EngineAnswer } from './engineTransport.js';

/** The whole body, or an EngineError past `max` bytes (the rest is not read). */
export async function readCapped(body: Readable, max: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += bytes.byteLength;
      if (size > max)
        throw new EngineError(engineFailure('too-large', `the engine's answer is larger than ${max} bytes`));
      parts.push(bytes);
    }
  } catch (e) {
    body.destroy();
    if (e instanceof EngineError) throw e;
    throw new EngineError(
      engineFailure('bad-answer', `the engine's answer was cut short (${e instanceof Error ? e.message : String(e)})`),
    );
  }
  return new Uint8Array(Buffer.concat(parts));
}

const ERROR_BODY_BYTES = 64 * 1024;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]+/g;

/** The engine's own words from an error body ({"message": "..."}), one line, at most 300 characters. */
async function engineMessage(answer: EngineAnswer): Promise<string> {
  try {
    const text = new TextDecoder().decode(await readCapped(answer.body, ERROR_BODY_BYTES));
    const parsed: unknown = JSON.parse(text);
    const message = isRecord(parsed) && typeof parsed.message === 'string' ? parsed.message : text;
    return message.replace(CONTROL_CHARS, ' ').trim().slice(0, 300);
  } catch {
    return '';
  }
}

/** The failure an answer other than 200 stands for. */
export async function answerFailure(answer: EngineAnswer, call: EngineCall): Promise<EngineFailure> {
  const said = await engineMessage(answer);
  const status = answer.status;
  const words = said === '' ? `HTTP ${status}` : said;
  if (status === 404) return engineFailure('not-found', `the engine does not hold it: ${words}`, status);
  if (status === 400 && /too old/i.test(said))
    return engineFailure('api-too-old', `the engine refused the API version: ${said}`, status);
  if (status === 400 && /too new/i.test(said))
    return engineFailure('api-too-new', `the engine refused the API version: ${said}`, status);
  // An export of a platform the store lacks: 28.x answers 500 "no suitable export target found for platform ...".
  if (
    call.call === 'export' &&
    /no suitable export target|no match for platform|does not provide the specified platform/i.test(said)
  )
    return engineFailure('not-found', `the engine does not hold this platform of the image: ${said}`, status);
  return engineFailure('engine-error', `the engine answered ${call.call} with an error: ${words}`, status);
}
