/**
 * Direct Publisher feeds written for these tests (made-up titles):
 * - `conformantFeed`: what the public specification requires and nothing more: no rating (the
 *   specification makes it optional), no categories, Roku genres the app has no genre for.
 * - `deviatingFeed`: what real exports send instead: single objects for lists, numbers as strings,
 *   `ratings` for `rating`, `Language` for `language`, ISO 639-2 codes, episode-only ratings,
 *   MP4 files with SRT/TTML sidecars, validity periods in the past and future, ad breaks.
 * `media` is the base URL of the videos and images.
 */
export function conformantFeed(media = 'https://cdn.example.be/') {
  const content = (name: string, duration: number) => ({
    dateAdded: '2026-10-01T10:00:00+02:00',
    videos: [{ url: `${media}${name}.m3u8`, quality: 'HD', videoType: 'HLS' }],
    duration,
    captions: [],
  })
  return {
    providerName: 'Canal Escaut',
    lastUpdated: '2026-11-30T08:00:00+01:00',
    language: 'fr',
    movies: [
      {
        id: '1001',
        title: 'Les Terrils',
        content: content('terrils', 5400),
        genres: ['documentary', 'nature'],
        thumbnail: `${media}terrils.jpg`,
        releaseDate: '2024-03-01',
        shortDescription: 'Trois saisons au sommet des terrils du Borinage.',
      },
      {
        id: '1002',
        title: 'Le Marché du Midi',
        content: content('midi', 4800),
        genres: ['food', 'reality'],
        thumbnail: `${media}midi.jpg`,
        releaseDate: '2023-06-11',
        shortDescription: 'Un dimanche matin entre les étals.',
      },
    ],
    series: [
      {
        id: '2001',
        title: 'Chroniques du canal',
        seasons: [
          {
            seasonNumber: 1,
            episodes: [
              {
                id: '2001-1',
                title: 'Écluse',
                content: content('canal-1', 1500),
                thumbnail: `${media}canal-1.jpg`,
                episodeNumber: 1,
                releaseDate: '2025-01-01',
                shortDescription: 'La première écluse.',
              },
            ],
          },
        ],
        genres: ['educational'],
        thumbnail: `${media}canal.jpg`,
        releaseDate: '2025-01-01',
        shortDescription: 'Le canal, bief après bief.',
      },
    ],
  }
}

export function deviatingFeed(media = 'https://cdn.example.be/') {
  return {
    providerName: 'Studio Sambre',
    language: 'fre',
    movies: [
      {
        id: 'MP4-ONLY',
        title: 'La Fanfare',
        shortDescription: 'Une fanfare de village répète pour le carnaval.',
        thumbnail: `${media}fanfare.jpg`,
        releaseDate: '2022-02-02',
        genres: 'comedy, music',
        ratings: { rating: 'PG', ratingSource: 'MPAA' },
        content: {
          dateAdded: '2026-01-01T00:00:00Z',
          duration: '1800',
          Language: 'fra',
          videos: { url: `${media}fanfare.mp4`, quality: 'HD', videoType: 'MP4' },
          captions: [
            { url: `${media}fanfare.fr.srt`, Language: 'fre', captionType: 'SUBTITLE' },
            { url: `${media}fanfare.nl.ttml`, language: 'dut', captionType: 'CLOSED_CAPTION' },
          ],
          adBreaks: ['00:00:00', '00:10:00', '00:20:30'],
        },
      },
      {
        id: 'EXPIRED',
        title: 'Hier seulement',
        shortDescription: 'Plus disponible.',
        thumbnail: `${media}hier.jpg`,
        releaseDate: '2020-01-01',
        genres: ['drama'],
        rating: { rating: 'TVMA', ratingSource: 'USA_PR' },
        content: {
          dateAdded: '2020-01-01T00:00:00Z',
          duration: 5000,
          videos: [{ url: `${media}hier.m3u8`, quality: 'HD', videoType: 'HLS' }],
          validityPeriodStart: '2020-01-01T00:00:00+00:00',
          validityPeriodEnd: '2021-01-01T00:00:00+00:00',
        },
      },
      {
        id: 'LATER',
        title: 'Bientôt',
        shortDescription: 'Disponible plus tard.',
        thumbnail: `${media}bientot.jpg`,
        releaseDate: '2027-01-01',
        genres: ['drama'],
        content: {
          dateAdded: '2026-11-01T00:00:00Z',
          duration: 5000,
          videos: [{ url: `${media}bientot.m3u8`, quality: 'HD', videoType: 'HLS' }],
          validityPeriodStart: '2099-01-01T00:00:00Z',
        },
      },
    ],
    series: {
      id: 'SER-EP-RATED',
      title: 'Les Ardoisières',
      shortDescription: 'Une famille, une carrière, trois générations.',
      thumbnail: `${media}ardoise.jpg`,
      releaseDate: '2021-09-01',
      genres: ['drama'],
      seasons: {
        seasonNumber: '2',
        episodes: [
          {
            id: 'ARD-1',
            title: 'Le puits',
            episodeNumber: '1',
            shortDescription: 'Le premier hiver.',
            rating: { rating: '12', ratingSource: 'BBFC' },
            content: {
              dateAdded: '2026-01-01T00:00:00Z',
              duration: '2700',
              videos: { url: `${media}ard-1.mpd`, quality: 'HD', videoType: 'DASH' },
            },
          },
          {
            id: 'ARD-2',
            title: 'La crue',
            episodeNumber: '2',
            shortDescription: 'Le deuxième hiver.',
            rating: { rating: '15', ratingSource: 'BBFC' },
            content: {
              dateAdded: '2026-01-01T00:00:00Z',
              duration: '2760',
              videos: { url: `${media}ard-2.mpd`, quality: 'HD', videoType: 'DASH' },
            },
          },
        ],
      },
    },
  }
}

/** Every key of a feed in PascalCase, as .NET serialisers write them ("Content", "VideoType"). */
export function pascalCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCased)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.charAt(0).toUpperCase() + key.slice(1),
      pascalCased(inner),
    ]),
  )
}
