import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

export interface LinkCard {
  path: string;
  label: string;
  icon: string;
  description: string;
}

/** A titled grid of large links to an area's pages, as each role's dashboard shows them. */
@Component({
  selector: 'app-link-cards',
  imports: [MatIconModule, RouterLink],
  template: `
    <section class="cards" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">{{ heading() }}</h2>
      <ul class="links">
        @for (link of links(); track link.path) {
          <li>
            <a class="link-card" [routerLink]="link.path">
              <mat-icon class="link-card__icon" aria-hidden="true">{{ link.icon }}</mat-icon>
              <span class="link-card__text">
                <span class="link-card__label">{{ link.label }}</span>
                <span class="link-card__description">{{ link.description }}</span>
              </span>
              <mat-icon class="link-card__chevron" aria-hidden="true">chevron_right</mat-icon>
            </a>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .cards {
      margin-bottom: 32px;
    }
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));
    }
    .link-card {
      display: flex;
      align-items: center;
      gap: 16px;
      height: 100%;
      box-sizing: border-box;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface);
      box-shadow: var(--mat-sys-level1);
      color: inherit;
      text-decoration: none;
      transition: box-shadow 150ms ease;
    }
    .link-card:hover {
      box-shadow: var(--mat-sys-level2);
    }
    .link-card__icon {
      flex: none;
      color: var(--mat-sys-primary);
    }
    .link-card__text {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .link-card__label {
      font: var(--mat-sys-title-small);
    }
    .link-card__description {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .link-card__chevron {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkCards {
  readonly heading = input.required<string>();
  readonly links = input.required<readonly LinkCard[]>();
  protected readonly headingId = () =>
    `links-${this.heading()
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')}`;
}
