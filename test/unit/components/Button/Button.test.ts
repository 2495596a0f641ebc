import Button from '../../../../src/components/Button'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

describe('Button', () => {
  let t: MountedApp<Button>

  beforeEach(() => {
    t = mountApp(Button)
    t.component.label = 'Nederlands'
    t.step()
  })

  afterEach(() => t.destroy())

  test('its bold label is drawn with room past the measured text, which stays 36 px in', () => {
    const label = t.component.tag('Label')
    const text = label.text as unknown as { paddingLeft: number; paddingRight: number }
    // Bold capitals reach past the measured width: without room the texture cut their edge.
    expect(text.paddingLeft).toBeGreaterThanOrEqual(2)
    expect(text.paddingRight).toBeGreaterThanOrEqual(2)
    expect(label.x + text.paddingLeft).toBe(36)
  })
})
