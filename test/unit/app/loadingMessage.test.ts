import { LOADING_MESSAGE_AFTER_MS, loadingMessage } from '../../../src/app/loadingMessage'

const t = (key: string) => `<${key}>`

describe('the message while the first catalogue loads', () => {
  it('says nothing during a normal start, so nothing flashes before home', () => {
    expect(loadingMessage('loading', 0, 8000, t)).toBe('')
    expect(loadingMessage('loading', LOADING_MESSAGE_AFTER_MS - 1, 8000, t)).toBe('')
  })

  it('says the app is loading, then that the backend is slow once a first try has run out', () => {
    expect(loadingMessage('loading', LOADING_MESSAGE_AFTER_MS, 8000, t)).toBe('<app.loading>')
    expect(loadingMessage('loading', 7999, 8000, t)).toBe('<app.loading>')
    expect(loadingMessage('loading', 8000, 8000, t)).toBe('<app.loadingSlow>')
    expect(loadingMessage('loading', 25_000, 8000, t)).toBe('<app.loadingSlow>')
  })

  it('says nothing once the catalogue is there or has failed (the error dialog says why)', () => {
    expect(loadingMessage('ready', 9000, 8000, t)).toBe('')
    expect(loadingMessage('error', 9000, 8000, t)).toBe('')
  })
})
