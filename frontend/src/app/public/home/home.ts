import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';

interface Feature {
  icon: string;
  title: string;
  text: string;
}

@Component({
  selector: 'app-home',
  imports: [RouterLink, MatButtonModule, MatIconModule],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly homeUrl = this.auth.homeUrl;
  protected readonly features: readonly Feature[] = [
    {
      icon: 'verified_user',
      title: 'Checks you can see',
      text:
        'Our team checks each Ofsted registration, DBS check, paediatric first aid certificate and insurance that ' +
        'childminders upload. Profiles show which ones are verified and in date, and say clearly when checks are ' +
        'not complete.',
    },
    {
      icon: 'chat',
      title: 'Message before you book',
      text: 'Ask about settling in, meals and school runs, and arrange a visit, all in one place (Parent Plus).',
    },
    {
      icon: 'event_available',
      title: 'Book the care you need',
      text: 'See real availability, request regular or one-off sessions, and keep track of every booking (Parent Plus).',
    },
  ];

  /** What a parent gets for free and what needs Parent Plus: said before anyone types a message. */
  protected readonly freeForParents: readonly string[] = [
    'Search childminders near you, on a map or a list',
    'Read full profiles, verified checks and reviews',
    'Save favourites',
  ];
  protected readonly withParentPlus: readonly string[] = [
    'Message childminders',
    'Request and manage bookings',
    'Alerts when a last-minute place comes up near you',
  ];
}
