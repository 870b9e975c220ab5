import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { UkDatePipe } from '@shared/dates/uk-date';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';

/** `/privacy`: what we hold about whom, why, who else sees it, for how long, and people's rights. */
@Component({
  selector: 'app-privacy',
  imports: [RouterLink, UkDatePipe],
  template: `
    <article class="page legal" aria-labelledby="privacy-title">
      <h1 id="privacy-title">Privacy notice</h1>
      <p class="legal__version">
        Version of <time [attr.datetime]="version">{{ version | ukDate: 'date' }}</time>
      </p>
      <p>
        This notice explains what personal data Childminder Connect holds, why, who else sees it and what you can do
        about it. "We" means the organisation that runs this Childminder Connect service; you can reach us through the
        <a routerLink="/contact">contact form</a>. We act under the UK GDPR and the Data Protection Act 2018.
      </p>

      <h2>What we hold</h2>
      <ul>
        <li>
          <strong>Your account:</strong> name, email address, a hash of your password (never the password), your
          postcode and phone number if you give them, your two-factor settings, and when you agreed to this notice.
        </li>
        <li>
          <strong>Parents:</strong> the children you add (first name and date of birth, and any notes you write), your
          bookings, favourites, reviews and messages.
        </li>
        <li>
          <strong>Childminders:</strong> your public profile (name, photo, district and town, care offered, prices,
          hours, Ofsted number and inspection), your full postcode (never shown: parents see the district only), the
          compliance documents you upload (Ofsted registration, DBS, first aid, insurance) and our review of them.
        </li>
        <li><strong>Support:</strong> what you write to us in tickets and the live chat, and our answers.</li>
        <li>
          <strong>Security records:</strong> sign-ins, the device and IP address they came from, and changes to your
          account, kept to protect your account and to investigate abuse.
        </li>
      </ul>

      <h2>Why we hold it (our lawful bases)</h2>
      <ul>
        <li>
          <strong>To provide the service you signed up for</strong> (contract): your account, search, messages,
          bookings, payments and support.
        </li>
        <li>
          <strong>To keep children safe and meet legal duties</strong> (legal obligation and legitimate interests):
          checking childminders' documents, keeping booking and payment records, and acting on safeguarding concerns.
        </li>
        <li>
          <strong>To keep the service secure</strong> (legitimate interests): security records, rate limits and fraud
          checks.
        </li>
        <li>
          <strong>Optional emails</strong> (your choice): reminders, last-minute places and news. Turn them off at any
          time in your notification settings.
        </li>
      </ul>

      <h2>Who else sees it</h2>
      <ul>
        <li>
          <strong>Other users, as far as the service needs:</strong> parents see a childminder's public profile and
          which documents we verified; a childminder sees the parents and children of bookings made with her and the
          messages sent to her.
        </li>
        <li>
          <strong>Our staff</strong> see what they need to run the service; when an admin opens private messages or
          documents, that is recorded.
        </li>
        <li>
          <strong>Service providers working for us:</strong> Stripe processes card payments (we never see your card
          number); our email provider delivers our emails; Google Calendar receives your bookings only if you connect it
          yourself.
        </li>
        <li>We do not sell your data and show no third-party advertising or trackers.</li>
      </ul>

      <h2>Cookies</h2>
      <p>
        We use only cookies the service needs: one that keeps you signed in and one that recognises a device you have
        signed in from before (so that a correct password is not blocked by someone else's failed attempts). No
        analytics or advertising cookies. Fonts and icons are served by us, so your browser does not contact anyone else
        to show our pages.
      </p>

      <h2>How long we keep it</h2>
      <p>
        As long as you have an account. When you delete your account, your personal data is erased; records we must keep
        (bookings and payments, for accounting and safeguarding) stay, with your name and contact details removed.
        Security records are kept for a limited period and then deleted.
      </p>

      <h2>Your rights</h2>
      <ul>
        <li>
          <strong>See and take your data:</strong> download everything we hold about you from
          <a routerLink="/account/data">Your data</a> in your account.
        </li>
        <li><strong>Correct it:</strong> change your details in your account, or ask us.</li>
        <li><strong>Delete it:</strong> delete your account from <a routerLink="/account/data">Your data</a>.</li>
        <li>
          <strong>Object or restrict:</strong> turn off optional emails in your settings, or
          <a routerLink="/contact">write to us</a> about anything else.
        </li>
        <li>
          <strong>Complain:</strong> to us first if you can, and to the Information Commissioner's Office (ico.org.uk,
          0303 123 1113) at any time.
        </li>
      </ul>

      <h2>Changes to this notice</h2>
      <p>
        When this notice changes, its version date above changes too. We record which version you agreed to when you
        created your account, and we will tell you about changes that affect you.
      </p>
      <p>See also our <a routerLink="/terms">terms of use</a>.</p>
    </article>
  `,
  styleUrl: './legal.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Privacy {
  protected readonly version = PRIVACY_NOTICE_VERSION;
}
