import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** `/terms`: the rules of using the service, in plain words. */
@Component({
  selector: 'app-terms',
  imports: [RouterLink],
  template: `
    <article class="page legal" aria-labelledby="terms-title">
      <h1 id="terms-title">Terms of use</h1>
      <p class="legal__version">Version of 7 December 2026</p>
      <p>
        These terms apply when you use Childminder Connect. "We" means the organisation that runs this service; you can
        reach us through the <a routerLink="/contact">contact form</a>. How we handle personal data is in our
        <a routerLink="/privacy">privacy notice</a>.
      </p>

      <h2>What the service is</h2>
      <p>
        Childminder Connect helps parents and carers find registered childminders, message them and request bookings.
        The care itself is agreed between the parent and the childminder: we are not a party to that agreement and do
        not employ childminders.
      </p>

      <h2>What is free and what is paid</h2>
      <ul>
        <li>
          <strong>Free for parents:</strong> creating an account, searching, reading profiles and reviews, and saving
          favourites.
        </li>
        <li>
          <strong>Parent Plus (paid):</strong> starting conversations with childminders and sending booking requests.
          Prices are on the <a routerLink="/pricing">plans and prices</a> page; you can cancel at any time and keep the
          plan until the end of the period you paid for.
        </li>
        <li>
          <strong>Childminders</strong> list their setting and answer parents; paid plans add features described on the
          same page.
        </li>
      </ul>

      <h2>Checks on childminders, and their limits</h2>
      <p>
        Childminders upload their Ofsted registration, DBS check, paediatric first aid certificate and insurance, and
        our team checks each one. A badge on a profile means we checked that document and it is in date; a profile
        marked "checks not complete" is missing one or more of them. Our checks do not replace your own: meet the
        childminder, ask to see her documents and check her registration on Ofsted's website before you agree to care.
      </p>

      <h2>Your responsibilities</h2>
      <ul>
        <li>Give true information, keep your password to yourself and tell us if your account may be misused.</li>
        <li>
          Childminders: keep your registration, documents and profile current, and tell us at once if your registration
          is suspended or cancelled.
        </li>
        <li>
          Be respectful: no harassment, discrimination, spam or content that puts children at risk. Report any
          safeguarding concern to us straight away, and to the police or your local authority where a child may be in
          danger.
        </li>
      </ul>

      <h2>When we may act</h2>
      <p>
        We may hide a profile, refuse a document or suspend an account that breaks these terms or puts children at risk.
        We tell you why unless the law or a safeguarding investigation prevents it.
      </p>

      <h2>Liability</h2>
      <p>
        We run the service with reasonable care and skill. We are not responsible for the care a childminder provides or
        for agreements between parents and childminders. Nothing in these terms limits rights you have by law as a
        consumer.
      </p>

      <h2>Changes and ending</h2>
      <p>
        We may change these terms; we tell you about changes that affect you before they apply. You can stop using the
        service and delete your account at any time from your account's data page. These terms are governed by the law
        of England and Wales.
      </p>
    </article>
  `,
  styleUrl: './legal.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Terms {}
