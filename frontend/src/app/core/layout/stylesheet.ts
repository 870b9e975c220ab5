const loaded = new Map<string, Promise<void>>();

/**
 * Loads one of the stylesheets angular.json builds without injecting (`"inject": false`): the
 * map's and the calendar's, which only their pages need, so they are not render-blocking on every
 * page. The route that shows such a page waits for it beside the page's code (see the routes).
 *
 * The link goes before the app's own stylesheet, where angular.json listed these files before, so
 * the app's rules still win over the library's. It resolves when the file has loaded or failed
 * (a page without its library's styles still works), once per file.
 */
export function loadStylesheet(name: 'leaflet' | 'fullcalendar'): Promise<void> {
  let done = loaded.get(name);
  if (!done) {
    done = new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${name}.css`;
      link.onload = () => resolve();
      link.onerror = () => {
        loaded.delete(name);
        link.remove();
        resolve();
      };
      const appStyles = document.head.querySelector('link[rel="stylesheet"]');
      document.head.insertBefore(link, appStyles);
    });
    loaded.set(name, done);
  }
  return done;
}

/** A route's `loadComponent`, waiting for a stylesheet as well as the component's code. */
export function withStylesheet<T>(name: 'leaflet' | 'fullcalendar', load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadStylesheet(name)]).then(([component]) => component);
}
