/**
 * Every email the product sends, as a typed template: the variables it needs and the subject,
 * HTML and plain-text it renders. Rendering happens when the email is queued, so the outbox row
 * holds exactly what will be sent.
 */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface TemplateVariables {
  'verify-email': { firstName: string; link: string };
  'password-reset': { firstName: string; link: string; expiresInMinutes: number };
  'password-changed': { firstName: string; when: string; resetLink: string };
  'two-factor-enabled': { firstName: string; when: string };
  'two-factor-disabled': { firstName: string; when: string; resetLink: string };
  'new-sign-in': { firstName: string; when: string; ip: string; device: string; resetLink: string };
  'document-approved': { firstName: string; documentName: string; documentType: string; link: string };
  'document-rejected': { firstName: string; documentName: string; documentType: string; reason: string; link: string };
  'subscription-renewal-reminder': {
    firstName: string;
    planName: string;
    renewsOn: string;
    amount: string;
    link: string;
  };
  'trial-ending': {
    firstName: string;
    planName: string;
    endsOn: string;
    amount: string;
    hasPaymentMethod: boolean;
    link: string;
  };
  'trial-ended-downgraded': { firstName: string; planName: string; freePlanName: string; link: string };
  'payment-failed': { firstName: string; planName: string; amount: string; link: string };
  'message-digest': {
    firstName: string;
    senderName: string;
    unreadCount: number;
    /** The newest unread messages, newest first, already shortened. */
    excerpts: string[];
    link: string;
    preferencesLink: string;
  };
  'document-expiring': {
    firstName: string;
    documentName: string;
    documentType: string;
    expiresOn: string;
    daysLeft: number;
    link: string;
  };
  'document-expired': {
    firstName: string;
    documentName: string;
    documentType: string;
    expiredOn: string;
    link: string;
  };
  'booking-requested': {
    firstName: string;
    parentName: string;
    children: string;
    schedule: string;
    price: string;
    link: string;
  };
  'booking-changed': { firstName: string; parentName: string; schedule: string; link: string };
  'booking-confirmed': { firstName: string; childminderName: string; children: string; schedule: string; link: string };
  'booking-auto-confirmed': { firstName: string; parentName: string; children: string; schedule: string; link: string };
  'booking-rejected': { firstName: string; childminderName: string; schedule: string; reason: string; link: string };
  'booking-cancelled': { firstName: string; cancelledBy: string; schedule: string; reason: string; link: string };
  'booking-expired': { firstName: string; childminderName: string; schedule: string; link: string };
  'booking-reminder': { firstName: string; otherName: string; children: string; schedule: string; link: string };
  'last-minute-opening': {
    firstName: string;
    childminderName: string;
    schedule: string;
    places: number;
    distance: string;
    link: string;
    preferencesLink: string;
  };
  'ticket-received': { firstName: string; ticketNumber: string; subject: string; link: string | null };
  'ticket-reply': { firstName: string; ticketNumber: string; subject: string; reply: string; link: string | null };
  'ticket-requester-reply': {
    firstName: string;
    ticketNumber: string;
    requesterName: string;
    reply: string;
    link: string;
  };
  'ticket-safeguarding': {
    firstName: string;
    ticketNumber: string;
    subject: string;
    requesterName: string;
    link: string;
  };
  'account-created': { firstName: string; link: string; forgotLink: string };
  /** To admins: Ofsted's register says a childminder on the platform may no longer care for children. */
  'ofsted-registration-flagged': {
    firstName: string;
    childminderName: string;
    urn: string;
    status: string;
    link: string;
  };
  /** An admin's message to users: `paragraphs` are the admin's text, already personalised. */
  announcement: {
    firstName: string;
    subject: string;
    paragraphs: string[];
    /** Set for messages that are not about the account: where to turn such emails off. */
    preferencesLink: string | null;
  };
}

export type EmailTemplateName = keyof TemplateVariables;
export type EmailVariables<T extends EmailTemplateName> = TemplateVariables[T];

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Body {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
}

function layout(body: Body): RenderedEmail {
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(body.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f7f6;font-family:Roboto,Arial,sans-serif;color:#1b2b28">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px">
<tr><td>
<p style="font-size:20px;font-weight:600;color:#00695c;margin:0 0 24px">Childminder Connect</p>
<p>${escapeHtml(body.greeting)}</p>
${body.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${
  body.action
    ? `<p style="margin:28px 0"><a href="${escapeHtml(body.action.url)}" style="background:#00796b;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>
<p style="font-size:13px;color:#4a5a57">If the button does not work, copy this link into your browser:<br>${escapeHtml(body.action.url)}</p>`
    : ''
}
${body.footnote ? `<p style="font-size:13px;color:#4a5a57">${escapeHtml(body.footnote)}</p>` : ''}
</td></tr></table></body></html>`;
  const text = [
    body.greeting,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
    ...(body.footnote ? [body.footnote, ''] : []),
    'Childminder Connect',
  ].join('\n');
  return { subject: body.subject, html, text };
}

const NOT_YOU = 'If this was not you, reset your password now and contact support.';

const templates: { [T in EmailTemplateName]: (v: TemplateVariables[T]) => RenderedEmail } = {
  'verify-email': (v) =>
    layout({
      subject: 'Confirm your email address',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        'Welcome to Childminder Connect. Please confirm your email address to finish creating your account.',
      ],
      action: { label: 'Confirm my email', url: v.link },
      footnote: 'The link works once and expires in 48 hours. If you did not create an account, ignore this email.',
    }),
  'password-reset': (v) =>
    layout({
      subject: 'Reset your password',
      greeting: `Hello ${v.firstName},`,
      paragraphs: ['Someone asked to reset the password of your Childminder Connect account.'],
      action: { label: 'Choose a new password', url: v.link },
      footnote: `The link works once and expires in ${v.expiresInMinutes} minutes. If you did not ask for this, you can ignore this email: your password has not changed.`,
    }),
  'password-changed': (v) =>
    layout({
      subject: 'Your password was changed',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `The password of your Childminder Connect account was changed on ${v.when}. You have been signed out of your other devices.`,
      ],
      action: { label: 'I did not do this', url: v.resetLink },
      footnote: NOT_YOU,
    }),
  'two-factor-enabled': (v) =>
    layout({
      subject: 'Two-factor authentication is on',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Two-factor authentication was turned on for your account on ${v.when}.`,
        'Keep your recovery codes somewhere safe: each one lets you sign in once if you lose your phone.',
      ],
      footnote: NOT_YOU,
    }),
  'two-factor-disabled': (v) =>
    layout({
      subject: 'Two-factor authentication was turned off',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`Two-factor authentication was turned off for your account on ${v.when}.`],
      action: { label: 'I did not do this', url: v.resetLink },
      footnote: NOT_YOU,
    }),
  'new-sign-in': (v) =>
    layout({
      subject: 'New sign-in to your account',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`Your account was signed in to on ${v.when} from ${v.device} (IP address ${v.ip}).`],
      action: { label: 'I did not do this', url: v.resetLink },
      footnote: NOT_YOU,
    }),
  'document-approved': (v) =>
    layout({
      subject: `Your document was approved: ${v.documentName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `We checked "${v.documentName}" (${v.documentType}) and approved it. It now counts towards your compliance status.`,
      ],
      action: { label: 'See my documents', url: v.link },
    }),
  'document-rejected': (v) =>
    layout({
      subject: `Your document needs attention: ${v.documentName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `We could not approve "${v.documentName}" (${v.documentType}).`,
        `Reason: ${v.reason}`,
        'Please upload a corrected document. Until then it does not count towards your compliance status.',
      ],
      action: { label: 'See my documents', url: v.link },
    }),
  'message-digest': (v) =>
    layout({
      subject:
        v.unreadCount === 1
          ? `${v.senderName} sent you a message`
          : `${v.senderName} sent you ${v.unreadCount} messages`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        v.unreadCount === 1
          ? `You have an unread message from ${v.senderName} on Childminder Connect:`
          : `You have ${v.unreadCount} unread messages from ${v.senderName} on Childminder Connect. The latest:`,
        ...v.excerpts.map((excerpt) => `“${excerpt}”`),
      ],
      action: { label: 'Read and reply', url: v.link },
      footnote: `We send one email per conversation when messages stay unread for a while. You can turn message emails off in your notification settings: ${v.preferencesLink}`,
    }),
  'document-expiring': (v) =>
    layout({
      subject: `Your document expires on ${v.expiresOn}: ${v.documentName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `"${v.documentName}" (${v.documentType}) expires on ${v.expiresOn}, in ${v.daysLeft} day${v.daysLeft === 1 ? '' : 's'}.`,
        'Please upload the renewed document before then. After that date it no longer counts towards your compliance status and its badge disappears from your profile.',
      ],
      action: { label: 'Upload a renewed document', url: v.link },
    }),
  'document-expired': (v) =>
    layout({
      subject: `Your document has expired: ${v.documentName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `"${v.documentName}" (${v.documentType}) was valid until ${v.expiredOn}.`,
        'It no longer counts towards your compliance status and its badge is no longer shown on your profile. Upload the renewed document and we will review it.',
      ],
      action: { label: 'Upload a renewed document', url: v.link },
    }),
  'subscription-renewal-reminder': (v) =>
    layout({
      subject: `Your ${v.planName} plan renews on ${v.renewsOn}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Your yearly ${v.planName} plan renews on ${v.renewsOn} and we will charge ${v.amount}.`,
        'Nothing to do if you want to keep it. If you do not, cancel before that date in one click from your billing page; you keep the plan until then.',
      ],
      action: { label: 'Manage my plan', url: v.link },
    }),
  'trial-ending': (v) =>
    layout({
      subject: `Your ${v.planName} trial ends on ${v.endsOn}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: v.hasPaymentMethod
        ? [
            `Your free trial of ${v.planName} ends on ${v.endsOn}. After that we will charge ${v.amount} for the plan.`,
            'If you do not want to continue, cancel before then in one click from your billing page.',
          ]
        : [
            `Your free trial of ${v.planName} ends on ${v.endsOn}.`,
            `To keep the plan (${v.amount}), add a payment method. Otherwise your account moves to the free plan and nothing is charged.`,
          ],
      action: { label: 'Go to billing', url: v.link },
    }),
  'trial-ended-downgraded': (v) =>
    layout({
      subject: `Your ${v.planName} trial has ended`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Your free trial of ${v.planName} has ended without a payment method, so nothing was charged and your account is now on the ${v.freePlanName} plan.`,
        'You can upgrade again at any time from your billing page.',
      ],
      action: { label: 'See plans', url: v.link },
    }),
  'payment-failed': (v) =>
    layout({
      subject: `We could not take your payment for ${v.planName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Your payment of ${v.amount} for ${v.planName} did not go through.`,
        'Please update your payment method so that your plan continues. We will try again in a few days.',
      ],
      action: { label: 'Fix my payment', url: v.link },
    }),
  'booking-requested': (v) =>
    layout({
      subject: `New booking request from ${v.parentName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.parentName} asks for care for ${v.children}: ${v.schedule} (UK time).`,
        `Estimated price: ${v.price}.`,
        'Please confirm or reject the request within 48 hours; after that it expires.',
      ],
      action: { label: 'Answer the request', url: v.link },
    }),
  'booking-changed': (v) =>
    layout({
      subject: `${v.parentName} changed a booking request`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`${v.parentName} changed their request. It is now for ${v.schedule} (UK time).`],
      action: { label: 'See the request', url: v.link },
    }),
  'booking-confirmed': (v) =>
    layout({
      subject: `${v.childminderName} confirmed your booking`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`${v.childminderName} confirmed care for ${v.children}: ${v.schedule} (UK time).`],
      action: { label: 'See the booking', url: v.link },
    }),
  'booking-auto-confirmed': (v) =>
    layout({
      subject: `Booking from ${v.parentName} confirmed automatically`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.parentName}'s family has completed a booking with you before, so their new request for ${v.children} was confirmed automatically: ${v.schedule} (UK time).`,
        'You chose this in your last-minute settings. If you cannot take this booking, cancel it with a reason and the family will be told.',
      ],
      action: { label: 'See the booking', url: v.link },
    }),
  'booking-rejected': (v) =>
    layout({
      subject: `${v.childminderName} could not accept your booking`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.childminderName} could not accept your request for ${v.schedule} (UK time).`,
        `Reason: ${v.reason}`,
        'You can look for another childminder near you.',
      ],
      action: { label: 'Find a childminder', url: v.link },
    }),
  'booking-cancelled': (v) =>
    layout({
      subject: `A booking was cancelled: ${v.schedule}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `The booking for ${v.schedule} (UK time) was cancelled by ${v.cancelledBy}.`,
        v.reason ? `Reason: ${v.reason}` : 'No reason was given.',
      ],
      action: { label: 'See the booking', url: v.link },
    }),
  'booking-expired': (v) =>
    layout({
      subject: 'Your booking request expired',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.childminderName} did not answer your request for ${v.schedule} (UK time) in time, so it has expired. Nothing is booked.`,
        'You can send a new request or look for another childminder.',
      ],
      action: { label: 'See my bookings', url: v.link },
    }),
  'booking-reminder': (v) =>
    layout({
      subject: `Reminder: care tomorrow, ${v.schedule}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`A reminder of the booking with ${v.otherName} for ${v.children}: ${v.schedule} (UK time).`],
      action: { label: 'See the booking', url: v.link },
    }),
  'last-minute-opening': (v) =>
    layout({
      subject: `Last-minute place with ${v.childminderName}: ${v.schedule}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.childminderName}, ${v.distance} from you, has ${v.places === 1 ? '1 place' : `${v.places} places`} free: ${v.schedule} (UK time).`,
        'Places go quickly: request a booking soon if it suits you.',
      ],
      action: { label: 'See last-minute places', url: v.link },
      footnote: `You get this because your last-minute alerts are on. Change them here: ${v.preferencesLink}`,
    }),
  'ticket-received': (v) =>
    layout({
      subject: `We received your message: ${v.ticketNumber}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Thank you for contacting Childminder Connect. Your request "${v.subject}" has the reference ${v.ticketNumber}.`,
        'Our support team will reply by email as soon as they can. Quote the reference if you write to us about it.',
      ],
      ...(v.link ? { action: { label: 'See my request', url: v.link } } : {}),
    }),
  'ticket-reply': (v) =>
    layout({
      subject: `Reply to your request ${v.ticketNumber}: ${v.subject}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`Our support team replied to your request ${v.ticketNumber}:`, v.reply],
      ...(v.link
        ? { action: { label: 'Reply or see the conversation', url: v.link } }
        : { footnote: `Reply to this email quoting ${v.ticketNumber}, or use the contact page.` }),
    }),
  'ticket-requester-reply': (v) =>
    layout({
      subject: `${v.requesterName} replied on ${v.ticketNumber}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [`${v.requesterName} replied on ticket ${v.ticketNumber}:`, v.reply],
      action: { label: 'Open the ticket', url: v.link },
    }),
  'ticket-safeguarding': (v) =>
    layout({
      subject: `Urgent safeguarding concern: ${v.ticketNumber}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `${v.requesterName} raised a safeguarding concern: "${v.subject}" (${v.ticketNumber}).`,
        'Safeguarding tickets are urgent. Please make sure someone picks it up now.',
      ],
      action: { label: 'Open the ticket', url: v.link },
    }),
  'ofsted-registration-flagged': (v) =>
    layout({
      subject: `Ofsted registration ${v.status}: ${v.childminderName}`,
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        `Ofsted's register now shows the registration of ${v.childminderName} (URN ${v.urn}) as ${v.status}.`,
        'A childminder whose registration is suspended or cancelled may not care for children. Please check ' +
          'her profile and bookings now, and hide the profile or set her compliance status if needed.',
      ],
      action: { label: 'Open compliance', url: v.link },
    }),
  'account-created': (v) =>
    layout({
      subject: 'Your Childminder Connect account is ready',
      greeting: `Hello ${v.firstName},`,
      paragraphs: [
        'Our team has created a Childminder Connect account for you. Choose your password to sign in.',
        `The link works for 1 hour. After that, ask for a new one at ${v.forgotLink}.`,
      ],
      action: { label: 'Choose my password', url: v.link },
    }),
  announcement: (v) =>
    layout({
      subject: v.subject,
      greeting: `Hello ${v.firstName},`,
      paragraphs: v.paragraphs,
      ...(v.preferencesLink
        ? {
            footnote: `You get news like this because your email preferences allow it. Change them here: ${v.preferencesLink}`,
          }
        : {}),
    }),
};

export function renderEmail<T extends EmailTemplateName>(template: T, variables: EmailVariables<T>): RenderedEmail {
  return templates[template](variables);
}

/** "25 November 2026 at 14:05" in UK time, for email bodies. */
export const formatUkDateTime = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  }).format(date);
