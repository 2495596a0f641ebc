/** ShakaAds as far as ShakaSession calls it, each call recorded. */
export const fakeAds = () => ({
  prepare: jest.fn(async () => undefined),
  veil: jest.fn(),
  attach: jest.fn(),
  release: jest.fn(),
  skip: jest.fn(() => false),
  markers: [] as number[],
})
