import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ChatClient } from '../chat/chat-client';

/** The console's sections; the live chat helper fills "Chats". */
const SECTIONS = [
  { path: 'tickets', label: 'Tickets', icon: 'confirmation_number' },
  { path: 'chats', label: 'Chats', icon: 'forum' },
  { path: 'stats', label: 'Stats', icon: 'monitoring' },
] as const;

/**
 * `/support`: the agent console, a navigation between its sections above the section shown. The
 * Chats tab counts the waiting chats live, whichever section is open.
 */
@Component({
  selector: 'app-console-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, MatIconModule],
  template: `
    <div class="console">
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Support console">
        @for (section of sections; track section.path) {
          <a
            mat-tab-link
            [routerLink]="section.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
          >
            <mat-icon aria-hidden="true">{{ section.icon }}</mat-icon>
            <span class="label">{{ section.label }}</span>
            @if (section.path === 'chats' && waiting() > 0) {
              <span class="count" data-testid="waiting-chats">{{ waiting() }} waiting</span>
            }
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .console nav {
      padding: 0 8px;
    }
    .label {
      margin-left: 6px;
    }
    .count {
      margin-left: 6px;
      padding: 0 8px;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 0.8rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsoleShell {
  private readonly chat = inject(ChatClient);
  protected readonly sections = SECTIONS;
  protected readonly waiting = signal(0);

  constructor() {
    void this.chat.use();
    inject(DestroyRef).onDestroy(() => this.chat.release());
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'connected' || event.type === 'chat.session') this.countWaiting();
    });
    this.countWaiting();
  }

  private countWaiting(): void {
    this.chat.notifications().subscribe({ next: ({ waiting }) => this.waiting.set(waiting), error: () => undefined });
  }
}
