import { HttpError, readBody, sendJson } from '../../platform/http';
import type { SubgraphDeps } from '../../platform/context';
import type { SubgraphRoute } from '../../platform/authorization';
import { notFound } from '../../platform/errors';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type InboundSms } from '../../adapters/sms/port';
import { MAX_SKEW_SECONDS, signatureProblem } from '../../adapters/sms/signature';
import { enforceRateLimit } from '../../platform/rate-limit';
import { domainOf, type Context } from './context';
import { renderReceiptSlip } from './services/receipt';
import { parseLookup, statusReply, SYNTAX_REPLY, unknownCodeReply } from './services/sms-lookup';

/** Where a dossier's receipt slip is served, on the gateway and on this subgraph alike. */
export const receiptPath = (code: string) => `/receipts/${encodeURIComponent(code)}.pdf`;

/** GET /receipts/<code>.pdf: the receipt slip, to whoever may read the dossier (R-DOS-2). */
export const receiptRoute: SubgraphRoute<Context> = {
  method: 'GET',
  path: /^\/receipts\/([^/]+)\.pdf$/,
  // Which dossiers the caller may see is visibleDossier's row rule; a stranger's code is 404.
  policy: 'authenticated',
  async handle(_req, res, match, context) {
    const ctx = await context();
    let code: string;
    try {
      code = decodeURIComponent(match[1]!);
    } catch {
      throw new HttpError(400, 'the dossier code in the path is not valid percent-encoding');
    }
    const d = await ctx.visibleDossier(code);
    if (!d) throw notFound(`no dossier ${code} that you may see`);
    const pdf = await renderReceiptSlip(d);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'content-disposition': `inline; filename="${code}.pdf"` });
    res.end(pdf);
  },
};

/**
 * POST /sms/inbound: the SMS gateway's webhook for "HS <code>" lookups (R-DOS-4). It comes from
 * the SMS gateway, not from a signed-in client, so it is authenticated by the HMAC of its body
 * and timestamp; a replayed call is refused, and each phone may ask a few times an hour, since
 * every reply is an SMS the agency pays for. The reply (public state only) goes to the sender.
 */
export function smsInboundRoute(deps: SubgraphDeps): SubgraphRoute<Context> {
  return {
    method: 'POST',
    path: /^\/sms\/inbound$/,
    // No bearer token: the SMS gateway proves itself with the body's HMAC, checked below.
    policy: 'public',
    async handle(req, res) {
      const { sms, config, models } = domainOf(deps);
      if (!sms || !config.sms) throw new HttpError(503, 'SMS lookup is not configured (SMS_GATEWAY_URL)');
      const body = await readBody(req);
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const signature = header(SIGNATURE_HEADER);
      const problem = signatureProblem(body, header(TIMESTAMP_HEADER), signature, config.sms.webhookSecret);
      if (problem) throw new HttpError(401, `SMS webhook refused: ${problem}`);
      const firstTime = await deps.redis.set(`sms:seen:${signature}`, '1', 'EX', 2 * MAX_SKEW_SECONDS, 'NX');
      if (!firstTime) throw new HttpError(409, 'SMS webhook refused: this call was already received');
      let message: InboundSms;
      try {
        message = JSON.parse(body) as InboundSms;
      } catch {
        throw new HttpError(400, 'body is not JSON');
      }
      if (typeof message.from !== 'string' || typeof message.text !== 'string') throw new HttpError(400, 'from and text are required');
      await enforceRateLimit(deps.redis, `sms:${message.from}`, config.smsLookupsPerHour, 3600);
      const code = parseLookup(message.text);
      const dossier = code ? await models.Dossier.findOne({ code }).lean().exec() : null;
      const reply = !code ? SYNTAX_REPLY : dossier ? statusReply(dossier) : unknownCodeReply(code);
      await sms.send(message.from, reply);
      deps.logger.info('sms lookup answered', { found: !!dossier, phone: message.from });
      sendJson(res, 200, { replied: true });
    },
  };
}
