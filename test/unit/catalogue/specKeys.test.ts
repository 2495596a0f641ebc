import { withSpecKeys } from '../../../src/catalogue/specKeys'

describe('withSpecKeys: keys spelt as the specification spells them', () => {
  const names = ['videoType', 'releaseDate', 'title']

  test('PascalCase, snake_case, kebab-case and upper case are renamed, at any depth', () => {
    expect(
      withSpecKeys(
        {
          Title: 'A',
          release_date: '2020',
          list: [{ VIDEO_TYPE: 'HLS' }, { 'video-type': 'DASH' }],
        },
        names,
      ),
    ).toEqual({
      title: 'A',
      releaseDate: '2020',
      list: [{ videoType: 'HLS' }, { videoType: 'DASH' }],
    })
  })

  test('a key spelt as specified wins over its variant; other keys and values stay', () => {
    expect(withSpecKeys({ Title: 'B', title: 'A', Other: 'Title' }, names)).toEqual({
      Title: 'B',
      title: 'A',
      Other: 'Title',
    })
  })
})
