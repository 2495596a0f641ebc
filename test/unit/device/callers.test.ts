/**
 * @jest-environment node
 */
import { httpCollector } from '../../../src/analytics/http'
import { DeviceAuthError, DeviceAuthErrorCode } from '../../../src/device/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { requestJson } from '../../../src/entitlements/request'

// What each caller of the operator's services makes of the device seam's errors.
const refused = () =>
  new DeviceAuthError(DeviceAuthErrorCode.NOT_RECOGNISED, 'The operator did not recognise this box')
const unreachable = () => new DeviceAuthError(DeviceAuthErrorCode.UNREACHABLE, 'mw: no answer')

describe('entitlements', () => {
  const read = (fetchFn: typeof fetch) =>
    requestJson(fetchFn, 'https://ent.example/v1/entitlements', {
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      timeoutMs: 1000,
      backend: 'http',
      retryOnce: true,
      retryDelayMs: 1,
    })

  test('a box refused twice is a final error with the seam words, not retried', async () => {
    const fetchFn = jest.fn(() => Promise.reject(refused()))
    await expect(read(fetchFn)).rejects.toMatchObject({
      code: EntitlementErrorCode.DEVICE_NOT_RECOGNISED,
      recoverable: false,
      message: 'The operator did not recognise this box',
    })
    expect(fetchFn).toHaveBeenCalledTimes(1)
  })

  test('a middleware that cannot be reached counts as offline', async () => {
    await expect(read(() => Promise.reject(unreachable()))).rejects.toMatchObject({
      code: EntitlementErrorCode.OFFLINE,
      message: 'mw: no answer',
    })
  })
})

describe('analytics', () => {
  test('a box refused twice drops the batch instead of sending it again', async () => {
    const collector = httpCollector({
      settings: { url: 'https://stats.example/batch' },
      fetch: () => Promise.reject(refused()),
      log: () => undefined,
    } as unknown as Parameters<typeof httpCollector>[0])
    await expect(collector.send([] as never, new AbortController().signal)).rejects.toMatchObject({
      retryable: false,
      status: 401,
    })
  })
})
