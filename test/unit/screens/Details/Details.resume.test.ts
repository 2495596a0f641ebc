import { Router } from '@lightningjs/sdk'
import type ButtonRow from '../../../../src/components/ButtonRow'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { makeSeries, rawTitle } from '../../catalogue/fixture'
import { DetailsHost } from './detailsHost'

describe('Details: resume and start over', () => {
  let t: MountedApp<DetailsHost>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => t.destroy())

  const mount = () => {
    const context = fakeContext()
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(fixtureCatalogue().title('rosetta')!)
    t.step()
    return context
  }

  it('offers Play when nothing is saved', () => {
    mount()
    expect(t.component.details.snapshot()).toMatchObject({ action: 'play' })
  })

  it('offers "Resume" (focused) and "Start over" once a position is saved, even while shown', () => {
    const context = mount()
    context.progress.save({
      id: 'rosetta',
      titleId: 'rosetta',
      position: 754,
      duration: 5700,
    })
    t.step()
    expect(t.component.details.snapshot()).toMatchObject({ action: 'resume' })
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('play/rosetta')
    expect(context.progress.startPosition('rosetta')).toBe(754)
  })

  it('keeps the buttons left of the facts column, which reaches down beside them', () => {
    mount()
    const details = t.component.details
    const actions = details.tag('Actions') as ButtonRow
    expect(actions.x + actions.viewWidth).toBeLessThanOrEqual(details.tag('Info').x - 24)
  })

  it('"Start over" starts the next playback at 0 and keeps the saved position', () => {
    const context = mount()
    const progress = context.progress
    progress.save({ id: 'rosetta', titleId: 'rosetta', position: 754, duration: 5700 })
    t.step()
    t.press('Right')
    expect(t.component.details.snapshot()).toMatchObject({ action: 'startover' })
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('play/rosetta')
    expect(progress.startPosition('rosetta')).toBe(0)
    expect(progress.get('rosetta')?.position).toBe(754)
  })
})

describe('Details: my list', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => t.destroy())

  it('adds the title to the profile’s list and takes it out again, the button saying which', () => {
    const context = fakeContext()
    t = mountApp(DetailsHost)
    t.component.details.bind(context)
    t.component.details.show(fixtureCatalogue().title('rosetta')!)
    t.step()
    expect(t.component.details.snapshot()).toMatchObject({
      actions: ['details.play', 'myList.add'],
    })
    t.press('Right')
    t.press('Enter')
    expect(context.myList.has('rosetta')).toBe(true)
    expect(t.component.details.snapshot()).toMatchObject({
      action: 'mylist',
      actions: ['details.play', 'myList.remove'],
    })
    t.press('Enter')
    expect(context.myList.has('rosetta')).toBe(false)
  })
})

describe('Details: Play on a series', () => {
  afterEach(() => jest.restoreAllMocks())

  it("names the episode it starts, when the season's first is not its episode 1", () => {
    const navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    const seasons = rawTitle('la-treve').seasons as { number: number; episodes: unknown[] }[]
    const fromSecond = { ...seasons[0]!, episodes: seasons[0]!.episodes.slice(1) }
    const series = makeSeries('from-second', { seasons: [fromSecond] })
    const t = mountApp(DetailsHost)
    t.component.details.bind(fakeContext())
    t.component.details.show(series)
    t.step()
    const second = series.kind === 'series' ? series.seasons[0]!.episodes[0]! : undefined
    expect(second?.number).toBe(2)
    expect((t.component.details.snapshot() as { actions: string[] }).actions[0]).toBe(
      `details.playEpisode{"season":${fromSecond.number},"episode":2}`,
    )
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith(`play/${second!.id}`)
    t.destroy()
  })
})
