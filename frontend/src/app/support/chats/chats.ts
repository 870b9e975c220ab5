import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '@shared/coming-soon/coming-soon';

/** Placeholder: the live chat queue and conversations (built by the live chat work). */
@Component({
  selector: 'app-console-chats',
  imports: [ComingSoon],
  template: `
    <div class="page">
      <h1>Chats</h1>
      <app-coming-soon>The live chat queue and your conversations will appear here.</app-coming-soon>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsoleChats {}
