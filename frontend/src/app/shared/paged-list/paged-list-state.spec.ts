// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { HttpErrorResponse } from '@angular/common/http';
import { of, Subject, throwError } from 'rxjs';
import { type PageRequest, PagedListState, pageFromQuery, pageToQuery } from './paged-list-state';

interface Row {
  id: string;
  name: string;
}

function pageOf(...names: string[]) {
  return { items: names.map((name, i) => ({ id: `r${i}`, name })), total: names.length };
}

describe('pageFromQuery', () => {
  it('reads the page and its size from the address', () => {
    expect(pageFromQuery('3', '50')).toEqual({ page: 3, pageSize: 50 });
  });

  it('falls back to the first page of 20 when the address says nothing usable', () => {
    expect(pageFromQuery(undefined, undefined)).toEqual({ page: 1, pageSize: 20 });
    expect(pageFromQuery('0', '-5')).toEqual({ page: 1, pageSize: 20 });
    expect(pageFromQuery('2.5', 'ten')).toEqual({ page: 1, pageSize: 20 });
  });

  it('asks for at most 100 rows a page', () => {
    expect(pageFromQuery('1', '500')).toEqual({ page: 1, pageSize: 100 });
  });
});

describe('pageToQuery', () => {
  it('turns the paginator index (from 0) into the page number (from 1)', () => {
    expect(pageToQuery({ pageIndex: 0, pageSize: 10, length: 42 })).toEqual({ page: 1, pageSize: 10 });
    expect(pageToQuery({ pageIndex: 4, pageSize: 50, length: 420 })).toEqual({ page: 5, pageSize: 50 });
  });
});

describe('PagedListState', () => {
  it('asks for the page shown, and the first page again when the filters change', () => {
    const asked: PageRequest[] = [];
    const list = new PagedListState<Row>((request) => {
      asked.push(request);
      return of(pageOf('a', 'b'));
    });
    list.reload();
    list.turn({ pageIndex: 2, pageSize: 50, length: 200 });
    list.firstPage();
    expect(asked).toEqual([
      { page: 1, pageSize: 20 },
      { page: 3, pageSize: 50 },
      { page: 1, pageSize: 50 },
    ]);
    expect(list.value()?.items.map((r) => r.name)).toEqual(['a', 'b']);
    expect(list.error()).toBeNull();
  });

  it('shows the failure and nothing else, and clears it on the next load', () => {
    let fail = true;
    const list = new PagedListState<Row>(() =>
      fail ? throwError(() => new HttpErrorResponse({ status: 0 })) : of(pageOf('a')),
    );
    list.reload();
    expect(list.value()).toBeNull();
    expect(list.error()).toMatch(/\S/);
    fail = false;
    list.reload();
    expect(list.error()).toBeNull();
    expect(list.value()?.total).toBe(1);
  });

  it('drops the answer to an older request that comes after a newer one', () => {
    const older = new Subject<ReturnType<typeof pageOf>>();
    const newer = new Subject<ReturnType<typeof pageOf>>();
    const answers = [older, newer];
    const list = new PagedListState<Row>(() => answers.shift()!);
    list.reload();
    list.firstPage();
    newer.next(pageOf('new'));
    older.next(pageOf('old'));
    expect(list.value()?.items.map((r) => r.name)).toEqual(['new']);
  });

  it('replaces one changed row in the page shown', () => {
    const list = new PagedListState<Row>(() => of(pageOf('a', 'b')));
    list.reload();
    list.replaceItem({ id: 'r1', name: 'B' });
    expect(list.value()).toEqual({
      items: [
        { id: 'r0', name: 'a' },
        { id: 'r1', name: 'B' },
      ],
      total: 2,
    });
  });
});
