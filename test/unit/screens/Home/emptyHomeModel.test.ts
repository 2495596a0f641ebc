import { skippedItem, type SkipReason } from '../../../../src/catalogue/errors'
import { emptyHomeModel } from '../../../../src/screens/Home/emptyHomeModel'
import { fakeTranslate } from '../../../harness/fakeContext'

const skipped = (reason: SkipReason, count: number) =>
  Array.from({ length: count }, (_, i) =>
    skippedItem('directpublisher', `${reason}-${i}`, reason, 'detail'),
  )

describe('emptyHomeModel', () => {
  it('counts skipped items by reason, the largest first, then says what to do', () => {
    const model = emptyHomeModel(
      { problems: [...skipped('missing-field', 3), ...skipped('no-playable-video', 9)] },
      fakeTranslate,
    )
    expect(model.title).toBe('home.empty.title')
    expect(model.skipped).toBe(12)
    expect(model.lines).toEqual([
      `home.empty.skipped{"count":12,"reasons":"skip.no-playable-video{\\"count\\":9}, skip.missing-field{\\"count\\":3}"}`,
      'home.empty.help',
    ])
  })

  it('uses the singular for one skipped item', () => {
    const model = emptyHomeModel({ problems: skipped('duplicate-id', 1) }, fakeTranslate)
    expect(model.lines[0]).toBe(
      'home.empty.skippedOne{"reasons":"skip.duplicate-id{\\"count\\":1}"}',
    )
  })

  it('says how many titles are outside their availability window', () => {
    const model = emptyHomeModel(
      { problems: [], notOffered: { expired: ['a', 'b'], upcoming: ['c'] } },
      fakeTranslate,
    )
    expect(model.lines).toEqual([
      `home.empty.notOffered{"reasons":"availability.expired{\\"count\\":2}, availability.upcoming{\\"count\\":1}"}`,
      'home.empty.help',
    ])
  })

  it('with nothing skipped and nothing held back, says the catalogue is empty', () => {
    const model = emptyHomeModel(
      { problems: [], notOffered: { expired: [], upcoming: [] } },
      fakeTranslate,
    )
    expect(model.lines).toEqual(['home.empty.nothing', 'home.empty.help'])
  })

  it('a feed of live channels only leads to them, without sending the household to its operator', () => {
    expect(emptyHomeModel({ problems: [] }, fakeTranslate, true)).toEqual({
      title: 'home.liveOnly.title',
      lines: ['home.liveOnly.help'],
      skipped: 0,
      actions: ['live', 'settings'],
    })
    const broken = emptyHomeModel({ problems: skipped('missing-field', 2) }, fakeTranslate, true)
    expect(broken.lines[0]).toMatch(/^home\.empty\.skipped/)
    expect(broken.actions).toEqual(['live', 'retry', 'settings'])
  })
})
