import { ageOf, classify, stricter, systemName } from '../../../src/catalogue/ratings'

describe('rating systems read as a minimum age', () => {
  test.each<[string, string, number | null]>([
    ['MPAA', 'G', 0],
    ['MPAA', 'PG', 10],
    ['MPAA', 'PG-13', 13],
    ['MPAA', 'PG13', 13],
    ['MPAA', 'R', 17],
    ['MPAA', 'NC-17', 18],
    ['MPAA', 'NC17', 18],
    ['MPAA', 'UNRATED', null],
    ['MPAA', 'NR', null],
    ['USA_PR', 'TV-Y', 0],
    ['USA_PR', 'TVY7', 7],
    ['USA_PR', 'TV-PG', 10],
    ['USA_PR', 'PG', 10],
    ['USA_PR', 'TV-14', 14],
    ['USA_PR', 'TVMA', 17],
    ['urn:v-chip', 'tv-14', 14],
    ['urn:mpaa', 'r', 17],
    ['urn:fsk', '16', 16],
    ['urn:kijkwijzer', '12', 12],
    ['BBFC', 'U', 0],
    ['BBFC', 'PG', 8],
    ['BBFC', '12A', 12],
    ['BBFC', '15', 15],
    ['UK_CP', '18', 18],
    ['BBFC', 'R18', 18],
    ['FSK', 'FSK 16', 16],
    ['FSK', 'ab 12', 12],
    ['FSK', '0', 0],
    ['CSA', '-12', 12],
    ['CSA', 'TP', 0],
    ['CSA-FR', 'Tous publics', 0],
    ['CSA', '-18', 18],
    ['CHVRS', '14A', 14],
    ['CHVRS', '18A', 18],
    ['CHVRS', 'E', null],
    ['CPR', 'C8', 8],
    ['CPR', '14+', 14],
    ['CPR', '18+', 18],
    ['Kijkwijzer', 'AL', 0],
    ['Cinecheck', '9', 9],
    ['kijkwijzer', '14', 14],
    ['GoedGezien', '10', 10],
    ['GoedGezien', '16', 16],
    ['urn:simple', 'adult', 18],
    ['urn:simple', 'nonadult', null],
    ['SG', 'M18', null],
    ['MPAA', 'Z', null],
    // Ages as exports write them: XMLTV's `system` is optional, CSA signs come spelt out.
    ['unknown', '12', 12],
    ['', '-16', 16],
    ['BE', '-12', 12],
    ['unknown', '12+', 12],
    ['CSA', '-12 ans', 12],
    ['CSA', 'Déconseillé aux moins de 12 ans', 12],
    ['CSA', 'Interdit aux moins de 18 ans', 18],
    ['Kijkwijzer', '12 jaar', 12],
    ['unknown', 'vanaf 6 jaar', 6],
    ['FSK', 'ab 16 Jahren', 16],
    ['unknown', 'Tous publics', 0],
    ['unknown', 'Alle leeftijden', 0],
    ['unknown', 'M', null],
    ['unknown', '120', null],
    ['MPAA', '12', null],
  ])('%s %s -> %s', (system, value, age) => {
    expect(ageOf({ system, value })).toBe(age)
  })

  test('system names: aliases give the app name, unknown ones keep the source name', () => {
    expect(systemName('usa_pr')).toBe('US_TV')
    expect(systemName('Cinecheck')).toBe('KIJKWIJZER')
    expect(systemName('  Media Development Authority ')).toBe('Media Development Authority')
  })
})

describe('classify', () => {
  test('no rating is "not rated", never a default age', () => {
    expect(classify([])).toEqual({
      given: [],
      minimumAge: null,
      csa: 'NR',
      kijkwijzer: 'NR',
      goedgezien: 'NR',
      descriptors: [],
    })
  })

  test('an unknown system is kept as given and the title is not rated', () => {
    const result = classify([{ system: 'SG', value: 'M18' }])
    expect(result.given).toEqual([{ system: 'SG', value: 'M18' }])
    expect(result.minimumAge).toBeNull()
    expect(result.csa).toBe('NR')
  })

  test.each<[string, string, string, string, string]>([
    // system, value -> CSA, Kijkwijzer, GoedGezien: the nearest age at or above
    ['MPAA', 'G', 'TP', 'AL', 'AL'],
    ['BBFC', 'PG', '10', '9', '10'],
    ['USA_PR', 'TV-Y7', '10', '9', '10'],
    ['MPAA', 'PG-13', '16', '14', '16'],
    ['BBFC', '15', '16', '16', '16'],
    ['MPAA', 'R', '18', '18', '18'],
    ['FSK', '6', '10', '6', '6'],
    ['Kijkwijzer', '14', '16', '14', '16'],
  ])('%s %s -> CSA %s, Kijkwijzer %s, GoedGezien %s', (system, value, csa, kijkwijzer, gg) => {
    expect(classify([{ system, value }])).toMatchObject({ csa, kijkwijzer, goedgezien: gg })
  })

  test('a Belgian rating the source gives is kept as it is; the others derive from the strictest', () => {
    const result = classify([
      { system: 'csa', value: '10' },
      { system: 'kijkwijzer', value: '12' },
    ])
    expect(result).toMatchObject({ minimumAge: 12, csa: '10', kijkwijzer: '12', goedgezien: '12' })
  })

  test('with a known and an unknown rating, the known one counts', () => {
    expect(
      classify([
        { system: 'SG', value: 'M18' },
        { system: 'MPAA', value: 'PG' },
      ]).minimumAge,
    ).toBe(10)
  })

  test('content descriptors are kept once each', () => {
    expect(classify([], ['fear', 'violence', 'fear']).descriptors).toEqual(['fear', 'violence'])
  })

  test('stricter: the higher age, and "not rated" beats every age', () => {
    const twelve = classify([{ system: 'CSA', value: '12' }])
    const sixteen = classify([{ system: 'CSA', value: '16' }])
    expect(stricter(twelve, sixteen)).toBe(sixteen)
    expect(stricter(sixteen, twelve)).toBe(sixteen)
    expect(stricter(twelve, classify([])).minimumAge).toBeNull()
  })
})
