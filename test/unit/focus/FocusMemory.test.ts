import { FocusMemory } from '../../../src/focus/FocusMemory'

describe('FocusMemory', () => {
  test('a container never seen enters at index 0', () => {
    expect(new FocusMemory().get('films')).toEqual({ index: 0, first: 0 })
  })

  test('a container never seen enters at its own default when it gives one', () => {
    expect(new FocusMemory().get('episodes', { index: 3, first: 1 })).toEqual({
      index: 3,
      first: 1,
    })
  })

  test('remembers the index and scroll position per container', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 7, first: 4 })
    memory.set('series', { index: 2, first: 0 })
    expect(memory.get('films')).toEqual({ index: 7, first: 4 })
    expect(memory.get('series')).toEqual({ index: 2, first: 0 })
  })

  test('a remembered position wins over the default', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 7, first: 4 })
    expect(memory.get('films', { index: 1, first: 0 })).toEqual({
      index: 7,
      first: 4,
    })
  })

  test('keeps a copy: changing the object given later does not change the memory', () => {
    const memory = new FocusMemory()
    const position = { index: 5, first: 2 }
    memory.set('films', position)
    position.index = 99
    expect(memory.get('films').index).toBe(5)
  })

  test('the default given is not shared between calls', () => {
    const memory = new FocusMemory()
    const fallback = { index: 1, first: 0 }
    memory.get('a', fallback).index = 42
    expect(memory.get('a', fallback).index).toBe(1)
  })

  test('clampTo keeps positions inside a list that has shrunk, and remembers that', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 12, first: 9 })
    expect(memory.clampTo('films', 5)).toEqual({ index: 4, first: 4 })
    expect(memory.get('films')).toEqual({ index: 4, first: 4 })
  })

  test('clampTo leaves a position that still fits unchanged', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 3, first: 1 })
    expect(memory.clampTo('films', 20)).toEqual({ index: 3, first: 1 })
  })

  test('clampTo on an emptied list goes back to 0', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 3, first: 1 })
    expect(memory.clampTo('films', 0)).toEqual({ index: 0, first: 0 })
  })

  test('forget sends the container back to its default', () => {
    const memory = new FocusMemory()
    memory.set('films', { index: 3, first: 1 })
    memory.forget('films')
    expect(memory.get('films')).toEqual({ index: 0, first: 0 })
  })

  test('two memories do not share state', () => {
    const a = new FocusMemory()
    a.set('films', { index: 3, first: 1 })
    expect(new FocusMemory().get('films')).toEqual({ index: 0, first: 0 })
  })
})
