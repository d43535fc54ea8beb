/**
 * POST /api/exec: run one read-only docker command for the page and reply with its output.
 * The caller (app.ts) has already checked Host, Origin and the key. Here: body, Docker
 * Desktop's argument splitting, the read-only allowlist, a cap on running commands (in all and
 * per client, so one page cannot hold every slot), and killing the command when the page stops
 * waiting (ExecProcess.close() aborts the fetch).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecPort } from '../commands/execPort.js';
import { effectiveArgs } from './argSplit.js';
import { checkContentType, MAX_BODY_BYTES, parseExecBody } from './execRequest.js';
import { readBody } from '../http/body.js';
import { sendJson } from '../http/reply.js';
import { CLIENT_HEADER, type ExecReply } from '../wire/standinProtocol.js';
import { reject, sendRejection, type Rejection } from './rejection.js';

export interface ExecRouteDeps {
  readonly exec: ExecPort;
  /** The read-only allowlist (commands/allowlist.ts in production). */
  readonly isAllowed: (args: readonly string[]) => boolean;
  /** Upper bound for one command; the page usually stops it sooner. */
  readonly timeoutMs: number;
  /** Commands allowed to run at once; more get 429. */
  readonly maxRunning: number;
  /** Commands one client (CLIENT_HEADER, else its address) may have running; more get 429. */
  readonly maxRunningPerClient: number;
  /** Told about every refusal and every command run (for the server's log). */
  readonly log?: (line: string) => void;
}

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Who is asking: the page's own id when it sends a well-formed one, else its address. */
export function clientOf(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const id = req.headers[CLIENT_HEADER];
  if (typeof id === 'string' && CLIENT_ID.test(id)) return `page:${id}`;
  return `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

export function createExecRoute(deps: ExecRouteDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let running = 0;
  const runningFor = new Map<string, number>();
  const refuse = (res: ServerResponse, rejection: Rejection): void => {
    deps.log?.(`refused (${rejection.name}): ${rejection.message}`);
    sendRejection(res, rejection);
  };

  return async (req, res) => {
    const type = checkContentType(req.headers['content-type']);
    if (!type.ok) {
      req.resume();
      return refuse(res, type.error);
    }
    const text = await readBody(req, MAX_BODY_BYTES);
    if (!text.ok) {
      res.setHeader('connection', 'close');
      return refuse(res, text.error);
    }
    const body = parseExecBody(text.value);
    if (!body.ok) return refuse(res, body.error);
    const args = effectiveArgs(body.value.args, body.value.form);
    if (!args.ok) return refuse(res, reject(400, 'bad-request', `The command line cannot be split: ${args.error}.`));
    const shown = `docker ${args.value.join(' ')}`;
    if (!deps.isAllowed(args.value)) {
      return refuse(
        res,
        reject(403, 'forbidden-command', `Refused: \`${shown}\` is not on Arch Matrix's read-only allowlist.`),
      );
    }
    if (running >= deps.maxRunning) {
      return refuse(res, reject(429, 'busy', `Too many commands running (${deps.maxRunning}); try again.`));
    }
    const client = clientOf(req);
    const mine = runningFor.get(client) ?? 0;
    if (mine >= deps.maxRunningPerClient) {
      return refuse(
        res,
        reject(
          429,
          'busy',
          `This page already runs ${mine} commands (at most ${deps.maxRunningPerClient}); try again.`,
        ),
      );
    }

    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) controller.abort();
    };
    res.on('close', onClose);
    running += 1;
    runningFor.set(client, mine + 1);
    try {
      const output = await deps.exec({ args: args.value, signal: controller.signal, timeoutMs: deps.timeoutMs });
      deps.log?.(`ran: ${shown} -> ${output.interrupted ?? `exit ${output.exitCode ?? '?'}`}`);
      const reply: ExecReply = {
        argv: args.value,
        stdout: output.stdout,
        stderr: output.stderr,
        exitCode: output.exitCode,
        // 'access-refused' is the page's own verdict on a 401 from this server; the server's runner never says it.
        interrupted: output.interrupted === 'access-refused' ? undefined : output.interrupted,
      };
      sendJson(res, 200, reply);
    } finally {
      running -= 1;
      const left = (runningFor.get(client) ?? 1) - 1;
      if (left <= 0) runningFor.delete(client);
      else runningFor.set(client, left);
      res.off('close', onClose);
    }
  };
}
