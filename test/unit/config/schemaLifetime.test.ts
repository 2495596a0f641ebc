import * as z from 'zod'
import * as schemaModule from '../../../src/config/schema'

describe('the settings schemas', () => {
  it('are not module constants: nothing holds them once a start has validated its settings', () => {
    // About 230 KB of zod objects, used once per start: a constant would keep them for the app's
    // life. The module gives a function that builds them, and no schema.
    const exported = Object.values(schemaModule)
    expect(exported.filter((value) => value instanceof z.ZodType)).toEqual([])
    expect(schemaModule.buildAppSettingsSchema()).not.toBe(schemaModule.buildAppSettingsSchema())
  })
})
