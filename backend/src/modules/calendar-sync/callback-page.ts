import type { FastifyReply } from 'fastify';
import { sendStandalonePage } from '@app/common/http/standalone-page';
import type { CallbackOutcome } from './calendar-sync.service';

/** Sends a callback's outcome: a redirect back to the app, or a small page of its own. */
export function sendCallbackOutcome(reply: FastifyReply, outcome: CallbackOutcome): FastifyReply {
  if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 302);
  return sendStandalonePage(reply, {
    status: outcome.status,
    title: outcome.title,
    message: outcome.message,
    link: { href: outcome.backUrl, label: 'Back to your calendar settings' },
  });
}
