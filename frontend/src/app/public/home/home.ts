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
      title: 'Registered and checked',
      text: 'Every childminder shows their Ofsted registration, DBS check, paediatric first aid and insurance.',
    },
    {
      icon: 'chat',
      title: 'Message before you book',
      text: 'Ask about settling in, meals and school runs, and arrange a visit, all in one place.',
    },
    {
      icon: 'event_available',
      title: 'Book the care you need',
      text: 'See real availability, request regular or one-off sessions, and keep track of every booking.',
    },
  ];
}
