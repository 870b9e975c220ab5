import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { MatIcon } from '@angular/material/icon';
import { ConnectionStatus } from '@core/connection/connection-status';
import { AuthService } from '@core/auth/auth';
import { Toolbar } from '@core/layout/toolbar';
import { ChatWidget } from './chat/chat-widget';
import { PRODUCT_NAME } from '@core/layout/title-strategy';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, Toolbar, MatIcon, ChatWidget],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  private readonly title = inject(Title);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly connection = inject(ConnectionStatus);
  protected readonly productName = PRODUCT_NAME;
  protected readonly year = new Date().getFullYear();
  /** The live chat widget, on every page, for signed-in parents and childminders (loaded when the page is idle). */
  protected readonly showChat = computed(() => {
    const role = this.auth.role();
    return role === 'parent' || role === 'childminder';
  });

  constructor() {
    // After a client-side navigation, tell screen-reader users where they are, and if the link
    // they used has disappeared with the old page, put focus at the start of the new content
    // rather than leaving it on <body>.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        setTimeout(() => {
          void this.announcer.announce(this.title.getTitle(), 'polite');
          const active = document.activeElement;
          if (!active || active === document.body) this.main().nativeElement.focus({ preventScroll: true });
        });
      });
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    const main = this.main().nativeElement;
    main.focus();
    main.scrollIntoView();
  }
}
