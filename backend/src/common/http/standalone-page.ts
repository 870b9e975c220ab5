import type { FastifyReply } from 'fastify';

/**
 * A small page of its own, for the few answers a browser reaches by navigation rather than
 * through the app (an OAuth callback that was refused): the app is not loaded there, so the
 * page carries its own styles and one link back into the app.
 */
export interface StandalonePage {
  status: number;
  title: string;
  message: string;
  link: { href: string; label: string };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function standalonePageHtml(page: Omit<StandalonePage, 'status'>): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} | Childminder Connect</title>
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
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.label)}</a></p>
</main>
</body>
</html>`;
}

/** Never cached: the page answers one attempt (a state value, a code) that cannot be repeated. */
export function sendStandalonePage(reply: FastifyReply, page: StandalonePage): FastifyReply {
  return reply
    .status(page.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(standalonePageHtml(page));
}
