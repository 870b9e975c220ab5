import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { Router } from '@angular/router';
import type * as Leaflet from 'leaflet';
import type { components } from '@core/api/schema';
import type { ChildminderSearchPage } from './childminder-types';
import { districtMarkers, milesToMetres } from './map-markers';

type MapSettings = components['schemas']['MapSettingsResponse'];

/**
 * The search results on a map: the searched district and its radius, one marker per district
 * listing its childminders. Leaflet is loaded only when the map is shown. When tiles cannot load
 * (offline, blocked, or turned off with MAP_TILE_URL=off) the markers still show on a plain
 * background; the list beside it holds the same results for keyboard and screen-reader users.
 */
@Component({
  selector: 'app-results-map',
  template: `
    <div class="map" #map role="region" aria-label="Map of the results (the list holds the same childminders)"></div>
    @if (failed()) {
      <p class="muted map__note">The map could not be loaded; the list shows every result.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .map {
      height: 360px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
      overflow: hidden;
    }
    .map__note {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultsMap {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');

  readonly page = input.required<ChildminderSearchPage>();
  protected readonly failed = signal(false);

  private leaflet: typeof Leaflet | null = null;
  private map: Leaflet.Map | null = null;
  private layer: Leaflet.LayerGroup | null = null;

  constructor() {
    const ready = Promise.all([
      import('leaflet'),
      new Promise<MapSettings>((resolve) =>
        this.api.get('/api/geo/map-settings').subscribe({
          next: resolve,
          // Without settings the map still shows the markers, on a plain background.
          error: () => resolve({ tileUrl: null, attribution: '' }),
        }),
      ),
    ]);
    effect(() => {
      const page = this.page();
      ready
        .then(([leaflet, settings]) => this.draw(leaflet.default ?? leaflet, settings, page))
        .catch(() => this.failed.set(true));
    });
    inject(DestroyRef).onDestroy(() => this.map?.remove());
  }

  private draw(leaflet: typeof Leaflet, settings: MapSettings, page: ChildminderSearchPage): void {
    if (!this.map) {
      this.leaflet = leaflet;
      this.map = leaflet.map(this.container().nativeElement, { scrollWheelZoom: false, zoomSnap: 0.25 });
      if (settings.tileUrl) {
        leaflet.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 18 }).addTo(this.map);
      }
      this.layer = leaflet.layerGroup().addTo(this.map);
    }
    const L = this.leaflet!;
    this.layer!.clearLayers();
    const centre: Leaflet.LatLngTuple = [page.origin.latitude, page.origin.longitude];
    const metres = milesToMetres(page.origin.radiusMiles);
    // The view first: Leaflet projects vector layers as they are added, which needs a view.
    this.map!.fitBounds(L.latLng(centre).toBounds(2 * metres), { padding: [8, 8] });
    L.circle(centre, {
      radius: metres,
      color: '#00796b',
      weight: 1,
      fillOpacity: 0.05,
      interactive: false,
    }).addTo(this.layer!);
    L.circleMarker(centre, { radius: 5, color: '#00504a', fillOpacity: 1, interactive: false }).addTo(this.layer!);
    for (const marker of districtMarkers(page.items)) {
      L.circleMarker([marker.latitude, marker.longitude], {
        radius: 8 + Math.min(6, marker.childminders.length),
        color: '#00504a',
        fillColor: '#26a69a',
        fillOpacity: 0.85,
        weight: 2,
      })
        .bindPopup(() => this.popup(marker.district, marker.childminders))
        .addTo(this.layer!);
    }
    this.nameVectorLayer(page);
  }

  /** Leaflet's SVG of the radius and markers has no name of its own: say what it shows. */
  private nameVectorLayer(page: ChildminderSearchPage): void {
    const svg = this.map!.getPanes().overlayPane.querySelector('svg');
    if (!svg) return;
    const miles = page.origin.radiusMiles;
    svg.setAttribute('role', 'img');
    svg.setAttribute(
      'aria-label',
      `Childminders by district within ${miles} ${miles === 1 ? 'mile' : 'miles'} of ${page.origin.outcode}`,
    );
  }

  /** Built with DOM nodes and textContent: names come from users and are never parsed as HTML. */
  private popup(district: string, childminders: { id: string; displayName: string }[]): HTMLElement {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = `${district}: ${childminders.length} childminder${childminders.length === 1 ? '' : 's'}`;
    box.append(title);
    const list = document.createElement('ul');
    list.style.margin = '4px 0 0';
    list.style.paddingLeft = '18px';
    for (const minder of childminders) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/childminders/${minder.id}`;
      link.textContent = minder.displayName;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void this.router.navigate(['/childminders', minder.id]);
      });
      item.append(link);
      list.append(item);
    }
    box.append(list);
    return box;
  }
}
