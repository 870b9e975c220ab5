import { HttpClient, HttpEventType } from '@angular/common/http';
import type { ApiResponse } from '@core/api/api-client';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSliderModule } from '@angular/material/slider';
import { toApiProblem } from '@core/errors/api-error';
import { cropSquare, PHOTO_OUTPUT_SIZE } from './photo-crop';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;
const PREVIEW_SIZE = 240;

/**
 * Choose a photo, frame it in a square with zoom and position sliders while watching the round
 * preview, then upload the cropped square (`POST /api/user/profile-image` by default, which re-encodes it
 * and strips EXIF and GPS). Emits the uploaded photo's URL.
 */
@Component({
  selector: 'app-photo-picker',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatSliderModule],
  template: `
    <div class="picker">
      <div class="picker__preview">
        @if (image()) {
          <canvas
            #preview
            [width]="previewSize"
            [height]="previewSize"
            role="img"
            aria-label="Preview of your cropped photo"
          ></canvas>
        } @else if (currentUrl()) {
          <img [src]="currentUrl()" alt="Your current photo" [width]="previewSize" [height]="previewSize" />
        } @else {
          <span class="picker__empty" aria-hidden="true"><mat-icon>add_a_photo</mat-icon></span>
        }
      </div>
      <div class="picker__controls">
        <input
          #fileInput
          class="visually-hidden"
          type="file"
          tabindex="-1"
          aria-hidden="true"
          accept="image/jpeg,image/png,image/webp"
          (change)="fileChosen($event)"
        />
        <button mat-stroked-button type="button" (click)="fileInput.click()" [disabled]="progress() !== null">
          <mat-icon aria-hidden="true">photo_camera</mat-icon>
          {{ image() || currentUrl() ? 'Choose another photo' : 'Choose a photo' }}
        </button>
        <p class="muted hint">JPEG, PNG or WebP, up to 5 MB. Location data is removed from every photo.</p>
        @if (image()) {
          <label class="slider-label" for="photo-zoom">Zoom</label>
          <mat-slider min="1" max="3" step="0.05" discrete="false">
            <input id="photo-zoom" matSliderThumb [value]="zoom()" (valueChange)="zoom.set($event); draw()" />
          </mat-slider>
          <label class="slider-label" for="photo-pan-x">Left / right</label>
          <mat-slider min="-1" max="1" step="0.05">
            <input id="photo-pan-x" matSliderThumb [value]="panX()" (valueChange)="panX.set($event); draw()" />
          </mat-slider>
          <label class="slider-label" for="photo-pan-y">Up / down</label>
          <mat-slider min="-1" max="1" step="0.05">
            <input id="photo-pan-y" matSliderThumb [value]="panY()" (valueChange)="panY.set($event); draw()" />
          </mat-slider>
          @if (progress() !== null) {
            <mat-progress-bar mode="determinate" [value]="progress()" aria-label="Photo upload progress" />
          }
          <div class="actions">
            <button mat-flat-button type="button" (click)="uploadPhoto()" [disabled]="progress() !== null">
              <mat-icon aria-hidden="true">cloud_upload</mat-icon>
              Use this photo
            </button>
            <button mat-button type="button" (click)="discard()" [disabled]="progress() !== null">Cancel</button>
          </div>
        }
        <p class="error" role="alert">{{ error() }}</p>
      </div>
    </div>
  `,
  styles: `
    .picker {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: flex-start;
    }
    .picker__preview canvas,
    .picker__preview img,
    .picker__empty {
      display: block;
      width: 160px;
      height: 160px;
      border-radius: 50%;
      object-fit: cover;
      background: var(--mat-sys-surface-container-high);
    }
    .picker__empty {
      display: grid;
      place-items: center;
      color: var(--mat-sys-outline);
    }
    .picker__controls {
      flex: 1;
      min-width: 220px;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    mat-slider {
      width: 100%;
      max-width: 320px;
    }
    .slider-label {
      font: var(--mat-sys-label-medium);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .error {
      margin: 0;
      min-height: 1lh;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PhotoPicker {
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);
  private readonly preview = viewChild<ElementRef<HTMLCanvasElement>>('preview');

  /** The photo the profile has now, if any. */
  readonly currentUrl = input<string | null>(null);
  /** Where the photo goes: the caller's own photo, or `/api/admin/profile-image` for an admin. */
  readonly endpoint = input('/api/user/profile-image');
  /** The uploaded photo's public URL. */
  readonly uploaded = output<string>();

  protected readonly previewSize = PREVIEW_SIZE;
  protected readonly image = signal<HTMLImageElement | null>(null);
  protected readonly zoom = signal(1);
  protected readonly panX = signal(0);
  protected readonly panY = signal(0);
  protected readonly progress = signal<number | null>(null);
  protected readonly error = signal('');
  private objectUrl: string | null = null;

  constructor() {
    // The canvas appears once an image is chosen: draw as soon as it is there.
    effect(() => {
      if (this.preview() && this.image()) this.draw();
    });
    this.destroyRef.onDestroy(() => this.releaseObjectUrl());
  }

  protected fileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      this.error.set('Choose a JPEG, PNG or WebP photo.');
      return;
    }
    if (file.size > MAX_BYTES) {
      this.error.set('That photo is larger than 5 MB; choose a smaller one.');
      return;
    }
    this.error.set('');
    this.releaseObjectUrl();
    this.objectUrl = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      this.zoom.set(1);
      this.panX.set(0);
      this.panY.set(0);
      this.image.set(image);
    };
    image.onerror = () => this.error.set('This photo could not be read; try another one.');
    image.src = this.objectUrl;
  }

  protected draw(): void {
    const canvas = this.preview()?.nativeElement;
    const image = this.image();
    if (canvas && image) this.paint(canvas, image, PREVIEW_SIZE);
  }

  protected discard(): void {
    this.image.set(null);
    this.releaseObjectUrl();
  }

  protected uploadPhoto(): void {
    const image = this.image();
    if (!image) return;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = PHOTO_OUTPUT_SIZE;
    this.paint(canvas, image, PHOTO_OUTPUT_SIZE);
    canvas.toBlob(
      (blob) => {
        if (!blob) {
          this.error.set('This photo could not be prepared; try another one.');
          return;
        }
        this.send(blob);
      },
      'image/jpeg',
      0.9,
    );
  }

  private send(blob: Blob): void {
    const body = new FormData();
    body.append('file', blob, 'profile-photo.jpg');
    this.progress.set(0);
    this.http
      // HttpClient itself: the upload reports its progress. The answer's type is still the document's.
      .post<ApiResponse<'/api/user/profile-image', 'post'>>(this.endpoint(), body, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.progress.set(Math.round((100 * event.loaded) / event.total));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.progress.set(null);
            this.discard();
            this.uploaded.emit(event.body.url);
          }
        },
        error: (error: unknown) => {
          this.progress.set(null);
          this.error.set(toApiProblem(error).message);
        },
      });
  }

  private paint(canvas: HTMLCanvasElement, image: HTMLImageElement, size: number): void {
    const crop = cropSquare(image.naturalWidth, image.naturalHeight, this.zoom(), this.panX(), this.panY());
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size, size);
    context.drawImage(image, crop.x, crop.y, crop.size, crop.size, 0, 0, size, size);
  }

  private releaseObjectUrl(): void {
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
  }
}
