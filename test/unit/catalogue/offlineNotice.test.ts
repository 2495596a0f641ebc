import { offlineNotice, offlineTimeParts } from '../../../src/catalogue/offlineNotice'
import { fakeTranslate } from '../../harness/fakeContext'
import { wallZone } from '../../../src/i18n/wallZone'

const BOX = wallZone('box')

describe('offline notice', () => {
  const at = new Date(2026, 10, 22, 10, 4).getTime()

  test('day/month and hour:minute in the box time zone', () => {
    expect(offlineTimeParts(at, BOX)).toEqual({ date: '22/11', time: '10:04' })
    expect(offlineTimeParts(new Date(2026, 0, 3, 7, 9).getTime(), BOX)).toEqual({
      date: '03/01',
      time: '07:09',
    })
  })

  test('says when the catalogue on screen comes from the device, with its time', () => {
    expect(
      offlineNotice({ status: 'ready', source: 'cache', cachedAt: at }, fakeTranslate, BOX),
    ).toBe('catalogue.offline{"date":"22/11","time":"10:04"}')
  })

  test('says nothing for a catalogue from the backend, while loading, or on error', () => {
    expect(offlineNotice({ status: 'ready', source: 'network' }, fakeTranslate, BOX)).toBe('')
    expect(offlineNotice({ status: 'ready' }, fakeTranslate, BOX)).toBe('')
    expect(offlineNotice({ status: 'loading' }, fakeTranslate, BOX)).toBe('')
    expect(offlineNotice({ status: 'error' }, fakeTranslate, BOX)).toBe('')
  })
})
