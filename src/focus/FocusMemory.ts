/**
 * Remembers, per container id, the focused index and the scroll position. It stores indexes, not
 * component instances, so the memory survives virtualised tiles being recycled or a screen being
 * rebuilt. A container never seen before enters at its default index.
 */
export interface ContainerMemory {
  index: number
  first: number
}

export class FocusMemory {
  private readonly entries = new Map<string, ContainerMemory>()

  get(id: string, fallback: ContainerMemory = { index: 0, first: 0 }): ContainerMemory {
    return this.entries.get(id) ?? { ...fallback }
  }

  set(id: string, memory: ContainerMemory): void {
    this.entries.set(id, { ...memory })
  }

  /** Keeps remembered positions inside a list that may have shrunk since (e.g. a refresh). */
  clampTo(id: string, count: number): ContainerMemory {
    const memory = this.get(id)
    const last = Math.max(0, count - 1)
    const clamped = { index: Math.min(memory.index, last), first: Math.min(memory.first, last) }
    this.set(id, clamped)
    return clamped
  }

  forget(id: string): void {
    this.entries.delete(id)
  }
}
