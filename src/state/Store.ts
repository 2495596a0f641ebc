import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs'

/** A small observable store: one BehaviorSubject, read through selectors that emit on change. */
export class Store<T extends object> {
  private readonly subject: BehaviorSubject<T>

  constructor(initial: T) {
    this.subject = new BehaviorSubject(initial)
  }

  get value(): T {
    return this.subject.value
  }

  select<R>(selector: (state: T) => R): Observable<R> {
    return this.subject.pipe(map(selector), distinctUntilChanged())
  }

  update(change: Partial<T> | ((state: T) => Partial<T>)): void {
    const patch = typeof change === 'function' ? change(this.subject.value) : change
    this.subject.next({ ...this.subject.value, ...patch })
  }
}
