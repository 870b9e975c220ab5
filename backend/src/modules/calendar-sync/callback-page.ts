import type { FastifyReply } from 'fastify';
import type { CallbackOutcome } from './calendar-sync.service';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small, self-contained page for a refused OAuth callback (the app is not loaded here). */
export function callbackPage(outcome: Extract<CallbackOutcome, { kind: 'page' }>): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(outcome.title)} | Childminder Connect</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 24px; color: #1b1b1f; background: #fafafa; }
main { max-width: 560px; margin: 10vh auto; background: #fff; padding: 24px; border-radius: 12px; border: 1px solid #ddd; }
h1 { font-size: 1.4rem; margin-top: 0; }
a { color: #3f51b5; font-weight: 600; }
a:focus-visible { outline: 3px solid #3f51b5; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(outcome.title)}</h1>
<p>${escapeHtml(outcome.message)}</p>
<p><a href="${escapeHtml(outcome.backUrl)}">Back to your calendar settings</a></p>
</main>
</body>
</html>`;
}

/** Sends a callback's outcome: a redirect back to the app, or the page. */
export function sendCallbackOutcome(reply: FastifyReply, outcome: CallbackOutcome): FastifyReply {
  if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 302);
  return reply
    .status(outcome.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(callbackPage(outcome));
}
