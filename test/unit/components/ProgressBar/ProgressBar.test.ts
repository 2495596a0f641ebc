import { Lightning } from '@lightningjs/sdk'
import ProgressBar, { PROGRESS_BAR } from '../../../../src/components/ProgressBar/ProgressBar'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Bar: { type: ProgressBar } }
  }

  get bar(): ProgressBar {
    return this.tag('Bar') as ProgressBar
  }
}

describe('ProgressBar ad break markers', () => {
  let t: MountedApp<Host>

  beforeEach(() => {
    t = mountApp(Host)
  })
  afterEach(() => t.destroy())

  const markers = () =>
    t.component.bar.tag('Markers').children.map((m: Lightning.Element) => Math.round(m.x + 3))

  it('marks each break at its place on the bar', () => {
    t.component.bar.model = { position: 5, duration: 60, buffered: 10, markers: [20, 45] }
    t.step()
    const { w } = PROGRESS_BAR
    expect(markers()).toEqual([Math.round((w * 20) / 60), Math.round((w * 45) / 60)])
  })

  it('no marks on live, or before the duration is known', () => {
    t.component.bar.model = { position: 0, duration: 0, buffered: 0, markers: [20] }
    expect(markers()).toEqual([])
    t.component.bar.model = { position: 0, duration: 60, buffered: 0, live: true, markers: [20] }
    expect(markers()).toEqual([])
  })
})
