import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** A dashboard's note of what is not built yet; the projected text says what will come. */
@Component({
  selector: 'app-coming-soon',
  imports: [MatIconModule],
  template: `
    <section class="section coming" aria-labelledby="coming-title">
      <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
      <div>
        <h2 id="coming-title">Coming soon</h2>
        <p class="muted"><ng-content /></p>
      </div>
    </section>
  `,
  styles: `
    .coming {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      margin-bottom: 32px;
    }
    .coming__icon {
      flex: none;
      color: var(--mat-sys-tertiary);
    }
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoon {}
