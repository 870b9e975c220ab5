import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Chart } from 'chart.js';
import type { TicketStats } from '@core/api/api-types';
import { Loadable } from '@shared/loadable/loadable';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ConsoleTicketsApi } from '@shared/support/support-api';
import { formatDuration, TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from '@shared/support/ticket-format';
import type { TicketCategory, TicketStatus } from '@core/api/api-types';

/** Today's UK date (YYYY-MM-DD), whatever the device's zone. */
const ukToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
/** The calendar date `days` before `date` (YYYY-MM-DD); calendar arithmetic, so no zone is involved. */
const daysBefore = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
};
/** Seconds to hours with one decimal, for the chart's axis; null stays a gap. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** `/support/stats`: ticket figures and charts for a chosen range (Chart.js, loaded only here). */
@Component({
  selector: 'app-ticket-stats',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorState, LoadingState],
  templateUrl: './ticket-stats.html',
  styleUrl: './ticket-stats.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketStatsPage {
  private readonly api = inject(ConsoleTicketsApi);
  private readonly dailyCanvas = viewChild<ElementRef<HTMLCanvasElement>>('daily');
  private readonly categoryCanvas = viewChild<ElementRef<HTMLCanvasElement>>('categories');
  private readonly timesCanvas = viewChild<ElementRef<HTMLCanvasElement>>('times');
  private readonly charts: Chart[] = [];

  /** UK dates; the server counts UK calendar days (Europe/London, right across the clock change). */
  protected to = ukToday();
  protected from = daysBefore(this.to, 29);
  protected readonly rangeError = signal<string | null>(null);
  protected readonly stats = new Loadable<TicketStats>();
  protected readonly duration = formatDuration;
  protected readonly statusLabels = TICKET_STATUS_LABELS;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;

  constructor() {
    this.loadStats();
    effect(() => {
      const stats = this.stats.value();
      const daily = this.dailyCanvas();
      const categories = this.categoryCanvas();
      const times = this.timesCanvas();
      if (stats && daily && categories && times) {
        void this.draw(stats, daily.nativeElement, categories.nativeElement, times.nativeElement);
      }
    });
    inject(DestroyRef).onDestroy(() => this.destroyCharts());
  }

  protected loadStats(): void {
    if (!this.from || !this.to || this.from > this.to) {
      this.rangeError.set('Choose a start date on or before the end date.');
      return;
    }
    this.rangeError.set(null);
    this.stats.load(this.api.stats(this.from, this.to));
  }

  protected statusLabel(key: string): string {
    return this.statusLabels[key as TicketStatus] ?? key;
  }

  protected categoryLabel(key: string): string {
    return this.categoryLabels[key as TicketCategory] ?? key;
  }

  private async draw(
    stats: TicketStats,
    daily: HTMLCanvasElement,
    categories: HTMLCanvasElement,
    times: HTMLCanvasElement,
  ): Promise<void> {
    const { Chart } = await import('chart.js/auto');
    this.destroyCharts();
    const style = getComputedStyle(document.documentElement);
    const primary = style.getPropertyValue('--mat-sys-primary').trim() || '#00796b';
    const tertiary = style.getPropertyValue('--mat-sys-tertiary').trim() || '#7b5800';
    this.charts.push(
      new Chart(daily, {
        type: 'line',
        data: {
          labels: stats.daily.map((d) => d.date.slice(5)),
          datasets: [
            {
              label: 'Created',
              data: stats.daily.map((d) => d.created),
              borderColor: primary,
              backgroundColor: primary,
            },
            {
              label: 'Resolved',
              data: stats.daily.map((d) => d.resolved),
              borderColor: tertiary,
              backgroundColor: tertiary,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
      new Chart(times, {
        type: 'line',
        data: {
          labels: stats.daily.map((d) => d.date.slice(5)),
          datasets: [
            {
              label: 'First response (hours, average)',
              data: stats.daily.map((d) => hours(d.averageFirstResponseSeconds)),
              borderColor: primary,
              backgroundColor: primary,
              spanGaps: true,
            },
            {
              label: 'Resolution (hours, average)',
              data: stats.daily.map((d) => hours(d.averageResolutionSeconds)),
              borderColor: tertiary,
              backgroundColor: tertiary,
              borderDash: [6, 4],
              spanGaps: true,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: 'Hours' } } },
        },
      }),
      new Chart(categories, {
        type: 'bar',
        data: {
          labels: stats.byCategory.map((c) => this.categoryLabel(c.key)),
          datasets: [{ label: 'Tickets', data: stats.byCategory.map((c) => c.count), backgroundColor: primary }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
    );
  }

  private destroyCharts(): void {
    for (const chart of this.charts.splice(0)) chart.destroy();
  }
}
