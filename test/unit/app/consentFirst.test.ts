import { consentAnswered } from '../../../src/app/consentFirst'
import { ConsentStore } from '../../../src/consent/ConsentStore'
import { memoryPlatform } from '../../harness/fakeContext'

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('playback waits for the consent answer', () => {
  it('resolves once the profile watching has answered, not before', async () => {
    const consent = new ConsentStore(memoryPlatform().storage, () => 1000, '1')
    consent.useProfile('a')
    let started = false
    void consentAnswered({ consent }).then(() => (started = true))
    await settle()
    expect(started).toBe(false)
    consent.refuseAll()
    await settle()
    expect(started).toBe(true)
  })

  it('resolves at once for a profile that has answered', async () => {
    const consent = new ConsentStore(memoryPlatform().storage, () => 1000, '1')
    consent.useProfile('a')
    consent.acceptAll()
    await expect(consentAnswered({ consent })).resolves.toBeUndefined()
  })
})
