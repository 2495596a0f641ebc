import { Router } from '@lightningjs/sdk'
import type { AppContext } from '../../../../src/app/context'
import { Catalogue } from '../../../../src/catalogue/Catalogue'
import { parseCatalogueDocument } from '../../../../src/catalogue/parse'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { MALFORMED_ITEMS } from '../../catalogue/malformed'
import { HomeHost as Host } from './homeHost'

/** A feed in which every item is malformed: the catalogue loads, with nothing to show. */
function malformedCatalogue(): Catalogue {
  const parsed = parseCatalogueDocument(
    { version: 1, titles: MALFORMED_ITEMS.map((malformed) => malformed.item) },
    'fixture',
    'fixture.json',
  )
  return new Catalogue(parsed.titles, parsed.problems)
}

describe('Home with a catalogue that has nothing to show', () => {
  let t: MountedApp<Host>
  let navigate: jest.SpyInstance
  let reloads: number
  let context: AppContext

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    reloads = 0
    context = { ...fakeContext(malformedCatalogue()), reloadCatalogue: async () => void reloads++ }
    t = mountApp(Host)
    t.component.home.bind(context)
    t.step()
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  it('says why, with the count of skipped items by reason, and what to do', () => {
    const snapshot = t.component.home.snapshot()
    expect(snapshot.rails).toEqual([])
    expect(snapshot.empty).not.toBeNull()
    expect(snapshot.empty!.title).toBe('home.empty.title')
    const [skipped, help] = snapshot.empty!.lines
    expect(skipped).toMatch(
      new RegExp(`^home\\.empty\\.skipped\\{"count":${MALFORMED_ITEMS.length},"reasons":`),
    )
    expect(skipped).toContain('skip.')
    expect(help).toBe('home.empty.help')
  })

  it('focuses Retry, which reloads the catalogue on OK', () => {
    expect(t.component.home.snapshot()).toMatchObject({
      area: 'empty',
      empty: { focused: 'retry' },
    })
    t.press('Enter')
    expect(reloads).toBe(1)
  })

  it('offers Settings next to Retry, and the top bar with Up', () => {
    t.press('Right')
    expect(t.component.home.snapshot().empty!.focused).toBe('settings')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('settings')
    t.press('Left')
    t.press('Up')
    expect(t.component.home.snapshot().area).toBe('topbar')
    t.press('Down')
    expect(t.component.home.snapshot()).toMatchObject({
      area: 'empty',
      empty: { focused: 'retry' },
    })
  })

  it('asks before exiting on Back, as with rails', () => {
    t.press('Back')
    expect(t.component.exitRequests).toBe(1)
  })

  it('gives way to the rails when a reload brings titles', () => {
    context.catalogue.update({ state: { status: 'ready', catalogue: fixtureCatalogue() } })
    t.step()
    const snapshot = t.component.home.snapshot()
    expect(snapshot.empty).toBeNull()
    expect(snapshot.area).toBe('rails')
    expect(snapshot.itemId).toBe('rosetta')
  })
})

it('Home with live channels and no titles leads to live TV, focused', async () => {
  const navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  const empty = new Catalogue([], [])
  const context: AppContext = {
    ...fakeContext(empty),
    liveChannels: async () => ({
      status: 'ok',
      channels: [{ id: 'la-une', number: 1, name: 'La Une', stream: { hls: 'http://x/1.m3u8' } }],
    }),
  }
  const t = mountApp(Host)
  t.component.home.bind(context)
  await Promise.resolve()
  await Promise.resolve()
  t.step()
  expect(t.component.home.snapshot()).toMatchObject({
    area: 'empty',
    empty: { title: 'home.liveOnly.title', focused: 'live' },
  })
  t.press('Enter')
  expect(navigate).toHaveBeenCalledWith('live/la-une')
  t.destroy()
  navigate.mockRestore()
})

it('Home shows no message while the catalogue is still loading', () => {
  const t = mountApp(Host)
  const context = fakeContext(fixtureCatalogue())
  context.catalogue.update({ state: { status: 'loading' } })
  t.component.home.bind(context)
  t.step()
  expect(t.component.home.snapshot().empty).toBeNull()
  t.destroy()
})
