/**
 * A Roku Direct Publisher feed written for these tests (made-up titles, the feed's own field
 * names): two movies, a series with seasons, a series with bare episodes, a short-form video, a
 * TV special, categories by playlist and by tag query, and items that cannot be mapped.
 */
export const directPublisherFeed = () => ({
  providerName: 'Studio Meuse',
  language: 'fr',
  lastUpdated: '2026-11-20T10:00:00+01:00',
  movies: [
    {
      id: 'MOV-001',
      title: 'Le Pont de Liège',
      shortDescription: 'Un pont, deux rives.',
      longDescription: 'Un pont, deux rives, et une ville qui se regarde.',
      thumbnail: 'art/mov-001.jpg',
      releaseDate: '2021-03-04',
      genres: ['drama', 'history', 'reality'],
      tags: ['belgique', 'liege'],
      rating: { rating: 'PG-13', ratingSource: 'MPAA' },
      credits: [
        { name: 'Ann Director', role: 'director' },
        { name: 'Bo Actor', role: 'actor' },
      ],
      content: {
        dateAdded: '2026-01-10T10:00:00Z',
        duration: 5430,
        language: 'fr',
        videos: [
          { url: 'https://cdn.example.be/mov-001/master.m3u8', quality: 'FHD', videoType: 'HLS' },
          { url: 'https://cdn.example.be/mov-001/manifest.mpd', quality: 'FHD', videoType: 'DASH' },
          { url: 'https://cdn.example.be/mov-001/file.mp4', quality: 'HD', videoType: 'MP4' },
        ],
        captions: [
          { url: 'https://cdn.example.be/mov-001/nl.vtt', language: 'nl', captionType: 'SUBTITLE' },
          {
            url: 'https://cdn.example.be/mov-001/fr.vtt',
            language: 'fr',
            captionType: 'CLOSED_CAPTION',
          },
        ],
      },
    },
    {
      id: 'MOV-002',
      title: 'Kust',
      shortDescription: 'Een zomer aan zee.',
      thumbnail: 'https://img.example.be/mov-002.jpg',
      releaseDate: '2019-07-01',
      genres: ['comedy'],
      tags: ['kust'],
      rating: { rating: 'TV-G', ratingSource: 'USA_PR' },
      content: {
        dateAdded: '2026-02-10T10:00:00Z',
        duration: 6000,
        language: 'nl',
        videos: [
          { url: 'https://cdn.example.be/mov-002/master.m3u8', quality: 'HD', videoType: 'HLS' },
        ],
      },
    },
    {
      id: 'MOV-MP4',
      title: 'Only MP4',
      shortDescription: 'Progressive only.',
      thumbnail: 'https://img.example.be/mp4.jpg',
      releaseDate: '2020-01-01',
      genres: ['drama'],
      rating: { rating: 'G', ratingSource: 'MPAA' },
      content: {
        dateAdded: '2026-02-10T10:00:00Z',
        duration: 600,
        videos: [{ url: 'https://cdn.example.be/x.mp4', quality: 'HD', videoType: 'MP4' }],
      },
    },
    {
      id: 'MOV-SMOOTH',
      title: 'Smooth only',
      shortDescription: 'Only a Smooth Streaming video.',
      thumbnail: 'https://img.example.be/smooth.jpg',
      releaseDate: '2020-01-01',
      genres: ['drama'],
      content: {
        dateAdded: '2026-02-10T10:00:00Z',
        duration: 600,
        videos: [
          { url: 'https://cdn.example.be/x.ism/manifest', quality: 'HD', videoType: 'SMOOTH' },
        ],
      },
    },
    {
      id: 'MOV-RATED',
      title: 'Odd Rating',
      shortDescription: 'A rating the app does not know.',
      thumbnail: 'https://img.example.be/odd.jpg',
      releaseDate: '2020-01-01',
      genres: ['drama'],
      rating: { rating: 'M18', ratingSource: 'SG' },
      content: {
        dateAdded: '2026-02-10T10:00:00Z',
        duration: 600,
        videos: [{ url: 'https://cdn.example.be/odd.m3u8', quality: 'HD', videoType: 'HLS' }],
      },
    },
  ],
  series: [
    {
      id: 'SER-1',
      title: 'Ardennes',
      shortDescription: 'Une enquête dans les bois.',
      thumbnail: 'https://img.example.be/ser-1.jpg',
      releaseDate: '2022-09-01',
      genres: ['crime', 'thriller'],
      tags: ['belgique'],
      rating: { rating: 'TV-14', ratingSource: 'USA_PR' },
      seasons: [
        {
          seasonNumber: 1,
          episodes: [
            {
              id: 'SER-1-E1',
              title: 'La forêt',
              episodeNumber: 1,
              shortDescription: 'Tout commence.',
              thumbnail: 'https://img.example.be/e1.jpg',
              content: {
                dateAdded: '2026-01-01T00:00:00Z',
                duration: 3000,
                videos: [
                  { url: 'https://cdn.example.be/s1e1.mpd', quality: 'HD', videoType: 'DASH' },
                ],
                captions: [
                  {
                    url: 'https://cdn.example.be/s1e1.nl.vtt',
                    language: 'nl',
                    captionType: 'SUBTITLE',
                  },
                ],
              },
            },
            {
              id: 'SER-1-E2',
              title: 'La rivière',
              episodeNumber: 2,
              shortDescription: 'Tout continue.',
              content: {
                dateAdded: '2026-01-01T00:00:00Z',
                duration: 3100,
                videos: [
                  { url: 'https://cdn.example.be/s1e2.mp4', quality: 'HD', videoType: 'MP4' },
                ],
              },
            },
          ],
        },
        {
          seasonNumber: 2,
          episodes: [
            {
              id: 'SER-1-S2E1',
              title: 'Le retour',
              episodeNumber: 1,
              shortDescription: 'Ça recommence.',
              content: {
                dateAdded: '2026-01-01T00:00:00Z',
                duration: 2900,
                videos: [
                  { url: 'https://cdn.example.be/s2e1.m3u8', quality: 'HD', videoType: 'HLS' },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      id: 'SER-2',
      title: 'Mini',
      shortDescription: 'Des épisodes sans saison.',
      thumbnail: 'https://img.example.be/ser-2.jpg',
      releaseDate: '2023-01-01',
      genres: ['documentary'],
      rating: { rating: 'TV-Y', ratingSource: 'USA_PR' },
      episodes: [
        {
          id: 'SER-2-E1',
          title: 'Un',
          episodeNumber: 1,
          shortDescription: 'Le premier.',
          content: {
            dateAdded: '2026-01-01T00:00:00Z',
            duration: 900,
            videos: [{ url: 'https://cdn.example.be/m1.m3u8', quality: 'HD', videoType: 'HLS' }],
          },
        },
      ],
    },
  ],
  shortFormVideos: [
    {
      id: 'SHORT-1',
      title: 'Bande-annonce',
      shortDescription: 'Deux minutes.',
      thumbnail: 'https://img.example.be/short.jpg',
      releaseDate: '2026-05-01',
      genres: ['documentary'],
      tags: ['belgique'],
      rating: { rating: 'G', ratingSource: 'MPAA' },
      content: {
        dateAdded: '2026-05-01T00:00:00Z',
        duration: 120,
        videos: [{ url: 'https://cdn.example.be/short.m3u8', quality: 'HD', videoType: 'HLS' }],
      },
    },
  ],
  tvSpecials: [
    {
      id: 'SPECIAL-1',
      title: 'Gala',
      shortDescription: 'Une soirée.',
      thumbnail: 'https://img.example.be/gala.jpg',
      releaseDate: '2025-12-31',
      genres: ['music'],
      rating: { rating: 'TP', ratingSource: 'CSA' },
      content: {
        dateAdded: '2026-01-01T00:00:00Z',
        duration: 7200,
        videos: [{ url: 'https://cdn.example.be/gala.mpd', quality: 'HD', videoType: 'DASH' }],
      },
    },
  ],
  playlists: [{ name: 'featured', itemIds: ['SER-1', 'MOV-002', 'MOV-MP4', 'MOV-001'] }],
  categories: [
    { name: 'À la une', playlistName: 'featured', order: 'manual' },
    { name: 'Belgique', query: 'belgique', order: 'most_recent' },
    { name: 'Vide', query: 'nothing-tagged-so' },
  ],
})
