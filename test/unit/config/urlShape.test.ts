import { urlShapeProblem } from '../../../src/config/urlShape'

describe('urlShapeProblem', () => {
  test.each([
    'https://cms.operator.be/belgica/v1/',
    'http://127.0.0.1:4000/',
    'HTTPS://CMS.OPERATOR.BE/feed.json',
    'feed/feed.xml',
    'feed.json',
    'catalogue/v1/',
    '/belgica/v1/',
    './guide.xml.gz',
    '../feeds/roku.json',
    'feed.json/latest',
    'v1.2/catalogue/',
    '//cdn.operator.be/feed.json',
  ])('%p reads as meant', (url) => {
    expect(urlShapeProblem(url)).toBeUndefined()
  })

  test.each([
    [
      'cms.operator.be/belgica/v1/',
      `"cms.operator.be/belgica/v1/" has no scheme, so it reads as a path on the app's own server: write https://cms.operator.be/belgica/v1/`,
    ],
    [
      'www.vrt.be/',
      `"www.vrt.be/" has no scheme, so it reads as a path on the app's own server: write https://www.vrt.be/`,
    ],
    [
      'localhost:4000/feed.json',
      `"localhost:4000/feed.json" has no scheme, so it reads as a URL of scheme "localhost:": write http://localhost:4000/feed.json or https://localhost:4000/feed.json`,
    ],
    [
      'epg.operator.be:8443/guide.xml',
      `"epg.operator.be:8443/guide.xml" has no scheme, so it reads as a URL of scheme "epg.operator.be:": write http://epg.operator.be:8443/guide.xml or https://epg.operator.be:8443/guide.xml`,
    ],
    [
      'ftp://epg.operator.be/guide.xml',
      'expected an http:// or https:// URL (or a path beside the app), got the scheme "ftp:"',
    ],
  ])('%p is said with the fix', (url, message) => {
    expect(urlShapeProblem(url)).toBe(message)
  })
})
