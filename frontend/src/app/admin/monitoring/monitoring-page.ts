import { DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Chart } from 'chart.js';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type Monitoring, OperationsApi, type WindowStats } from '../operations/operations-api';
import { describeMs, describeSize } from '../operations/operations-format';

const REFRESH_MS = 10_000;
type WindowName = WindowStats['window'];

/**
 * `/admin/monitoring`: requests, errors and latency over every instance, refreshed every ten
 * seconds: two live charts of the last hour, the per-route table for the last minute, hour or day,
 * and the instances with their uptime. Chart.js loads with this page only.
 */
@Component({
  selector: 'app-monitoring-page',
  imports: [
    RouterLink,
    MatIconModule,
    MatButtonToggleModule,
    DecimalPipe,
    PercentPipe,
    UkDatePipe,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './monitoring-page.html',
  styleUrl: './monitoring-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonitoringPage {
  private readonly api = inject(OperationsApi);
  private readonly trafficCanvas = viewChild<ElementRef<HTMLCanvasElement>>('trafficChart');
  private readonly latencyCanvas = viewChild<ElementRef<HTMLCanvasElement>>('latencyChart');
  private charts: { traffic: Chart; latency: Chart } | null = null;

  protected readonly describeMs = describeMs;
  protected readonly describeSize = describeSize;
  protected readonly data = signal<Monitoring | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly refreshError = signal<string | null>(null);
  protected readonly window = signal<WindowName>('hour');
  protected readonly selected = computed(() => this.data()?.windows.find((w) => w.window === this.window()) ?? null);
  /** A sentence for screen readers: what the charts draw. */
  protected readonly chartSummary = computed(() => {
    const points = this.data()?.lastHour ?? [];
    const requests = points.reduce((sum, p) => sum + p.requests, 0);
    const errors = points.reduce((sum, p) => sum + p.errors, 0);
    const worst = Math.max(0, ...points.map((p) => p.p95 ?? 0));
    return `In the last hour: ${requests} requests, ${errors} errors; the slowest minute's 95th percentile was ${describeMs(worst)}.`;
  });

  constructor() {
    this.load();
    const timer = setInterval(() => this.load(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      this.charts?.traffic.destroy();
      this.charts?.latency.destroy();
    });
    effect(() => {
      const data = this.data();
      const traffic = this.trafficCanvas();
      const latency = this.latencyCanvas();
      if (data && traffic && latency) void this.draw(data, traffic.nativeElement, latency.nativeElement);
    });
  }

  protected load(): void {
    this.api.monitoring().subscribe({
      next: (data) => {
        this.loadError.set(null);
        this.refreshError.set(null);
        this.data.set(data);
      },
      error: (error: unknown) => {
        const message = toApiProblem(error).message;
        if (this.data()) this.refreshError.set(message);
        else this.loadError.set(message);
      },
    });
  }

  protected retry(): void {
    this.loadError.set(null);
    this.load();
  }

  private async draw(data: Monitoring, trafficCanvas: HTMLCanvasElement, latencyCanvas: HTMLCanvasElement) {
    const { default: ChartJs } = await import('chart.js/auto');
    const labels = data.lastHour.map((p) =>
      new Date(p.minute).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }),
    );
    const styles = getComputedStyle(trafficCanvas);
    const primary = styles.getPropertyValue('--mat-sys-primary').trim() || '#3f51b5';
    const error = styles.getPropertyValue('--mat-sys-error').trim() || '#b3261e';
    if (!this.charts) {
      const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
      this.charts = {
        traffic: new ChartJs(trafficCanvas, {
          type: 'bar',
          data: {
            labels,
            datasets: [
              { label: 'Requests', data: [], backgroundColor: primary },
              { label: 'Errors (5xx)', data: [], backgroundColor: error },
            ],
          },
          options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        }),
        latency: new ChartJs(latencyCanvas, {
          type: 'line',
          data: { labels, datasets: [{ label: '95th percentile (ms)', data: [], borderColor: primary, tension: 0.2 }] },
          options: { ...common, scales: { y: { beginAtZero: true } } },
        }),
      };
    }
    this.charts.traffic.data.labels = labels;
    this.charts.traffic.data.datasets[0]!.data = data.lastHour.map((p) => p.requests);
    this.charts.traffic.data.datasets[1]!.data = data.lastHour.map((p) => p.errors);
    this.charts.latency.data.labels = labels;
    this.charts.latency.data.datasets[0]!.data = data.lastHour.map((p) => p.p95);
    this.charts.traffic.update();
    this.charts.latency.update();
  }
}
