import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';

/**
 * On a phone, the visitor's toolbar links that do not fit are one menu away, not gone. The
 * toolbar defers it (`@defer`), so the menu is not in the initial bundle.
 */
@Component({
  selector: 'app-visitor-menu',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button mat-icon-button type="button" aria-label="Menu" [matMenuTriggerFor]="visitorMenu">
      <mat-icon aria-hidden="true">menu</mat-icon>
    </button>
    <mat-menu #visitorMenu="matMenu" xPosition="before">
      <a mat-menu-item routerLink="/search">
        <mat-icon aria-hidden="true">search</mat-icon>
        <span>Find a childminder</span>
      </a>
      <a mat-menu-item routerLink="/register">
        <mat-icon aria-hidden="true">person_add</mat-icon>
        <span>Create account</span>
      </a>
    </mat-menu>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitorMenu {}
