import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'

describe('catalogue errors', () => {
  test('codes are never reused', () => {
    const codes = Object.values(CatalogueErrorCode)
    expect(new Set(codes).size).toBe(codes.length)
  })

  test('a CatalogueError is an Error carrying its problem as data', () => {
    const problem = {
      severity: 'critical',
      category: 'network',
      code: CatalogueErrorCode.HTTP_STATUS,
      backend: 'embedded',
      message: 'catalogue/titles.json answered 404',
    } as const
    const error = new CatalogueError(problem)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('CatalogueError')
    expect(error.message).toBe('catalogue/titles.json answered 404')
    expect(error.problem).toEqual(problem)
  })
})
