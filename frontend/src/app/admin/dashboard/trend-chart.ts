import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart } from 'chart.js';

export interface ChartSeries {
  label: string;
  values: number[];
}

const COLOURS = ['#00796b', '#5c6bc0', '#ef6c00', '#c2185b', '#6d4c41', '#546e7a'];

/**
 * A stacked bar chart of daily counts. Chart.js is loaded on first use, inside the admin area's
 * lazy chunk. The same figures are in a table for screen readers (the canvas is hidden from them).
 */
@Component({
  selector: 'app-trend-chart',
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ caption() }}</figcaption>
      <div class="chart__canvas">
        <canvas #canvas aria-hidden="true"></canvas>
      </div>
      @if (failed()) {
        <p class="muted">The chart could not be drawn; the figures are in the table below.</p>
      }
      <table [class.visually-hidden]="!failed()">
        <caption class="visually-hidden">
          {{
            caption()
          }}, per day
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            @for (s of series(); track s.label) {
              <th scope="col">{{ s.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (day of labels(); track day; let i = $index) {
            <tr>
              <th scope="row">{{ day }}</th>
              @for (s of series(); track s.label) {
                <td>{{ s.values[i] }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    .chart__title {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
    }
    .chart__canvas {
      position: relative;
      height: 220px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly caption = input.required<string>();
  readonly labels = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly failed = signal(false);
  private chart: Chart | undefined;
  private readonly ready = signal(false);

  constructor() {
    afterNextRender(() => this.ready.set(true));
    effect(() => {
      if (!this.ready()) return;
      void this.draw(this.labels(), this.series());
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private async draw(labels: string[], series: ChartSeries[]): Promise<void> {
    try {
      const { default: ChartJs } = await import('chart.js/auto');
      this.chart?.destroy();
      this.chart = new ChartJs(this.canvas().nativeElement, {
        type: 'bar',
        data: {
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.values,
            backgroundColor: COLOURS[i % COLOURS.length],
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    } catch {
      this.failed.set(true);
    }
  }
}
