import { z } from 'zod'
import '../../../src/platform/zodSetup'

describe('zod set-up', () => {
  it('parses without compiling parsers: each feed is parsed once, so compiling would only cost', () => {
    expect(z.config().jitless).toBe(true)
  })

  it('still reports what is wrong in an item', () => {
    const title = z.object({ id: z.string(), year: z.number() })
    const result = title.safeParse({ id: 'girl', year: '2018' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['year'])
  })
})
