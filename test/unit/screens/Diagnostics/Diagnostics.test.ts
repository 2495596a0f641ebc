import { Lightning } from '@lightningjs/sdk'
import type { AppContext } from '../../../../src/app/context'
import { skippedItem } from '../../../../src/catalogue/errors'
import Diagnostics from '../../../../src/screens/Diagnostics'
import { fakeContext } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Diagnostics: { type: Diagnostics } }
  }

  get page(): Diagnostics {
    return this.tag('Diagnostics') as Diagnostics
  }

  override _getFocused() {
    return this.tag('Diagnostics')
  }
}

describe('Diagnostics page', () => {
  let t: MountedApp<Host>
  let context: AppContext
  let reloads: number

  beforeEach(() => {
    reloads = 0
    context = { ...fakeContext(), reloadCatalogue: async () => void reloads++ }
    t = mountApp(Host)
    t.component.page.bind(context)
    t.step()
  })

  afterEach(() => t.destroy())

  it('follows what the loader records, with the skipped ids and the warning', () => {
    context.diagnostics.update({
      titles: 1,
      shown: 1,
      problems: ['a', 'b'].map((id) =>
        skippedItem('fixture', id, 'no-playable-video', 'only Smooth Streaming'),
      ),
    })
    t.step()
    const snapshot = t.component.page.snapshot()
    expect(snapshot.skipped).toBe(2)
    expect(snapshot.groups).toEqual([
      { reason: 'no-playable-video', count: 2, ids: ['a', 'b'], more: 0 },
    ])
    expect(snapshot.warning).toBe('diagnostics.warning{"percent":67,"threshold":20}')
    expect(snapshot.lines).toContain(snapshot.warning)
  })

  it("asks the guide for today's programmes on opening, so what its export covers shows", async () => {
    const asked: { ids: readonly string[]; signal: AbortSignal }[] = []
    const other: AppContext = {
      ...fakeContext(),
      liveChannels: async () => ({
        status: 'ok',
        channels: [{ id: 'la-une' }, { id: 'kadee' }] as never,
      }),
      guide: (ids, _from, _to, signal) => {
        asked.push({ ids, signal })
        return new Promise(() => undefined)
      },
    }
    t.component.page.bind(other)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked.map((ask) => ask.ids)).toEqual([['la-une', 'kadee']])
    expect(asked[0]!.signal.aborted).toBe(false)
    // Given up with the page.
    t.component.page.bind(context)
    expect(asked[0]!.signal.aborted).toBe(true)
  })

  it('reloads the catalogue with OK', () => {
    expect(t.component.page.snapshot().focused).toBe('reload')
    t.press('Enter')
    expect(reloads).toBe(1)
  })
})
