import type { FastifyReply } from 'fastify';
import { sendStandalonePage } from '@app/common/http/standalone-page';

/** A refused step of "Sign in with Google", shown as a small page of its own (the app is not loaded here). */
export interface GoogleSignInPage {
  status: number;
  title: string;
  message: string;
}

export function sendGoogleSignInPage(reply: FastifyReply, page: GoogleSignInPage, signInUrl: string): FastifyReply {
  return sendStandalonePage(reply, { ...page, link: { href: signInUrl, label: 'Back to sign in' } });
}
