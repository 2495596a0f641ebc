/**
 * MRSS feeds written for these tests from the RSS 2.0, Media RSS 1.5.1 and Roku MRSS
 * specifications (made-up titles and URLs, no real export copied).
 */

/** Only what the Roku MRSS specification requires of a channel and an item. */
export const MINIMAL_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Studio Meuse</title>
    <link>https://cms.example.be/</link>
    <description>Films de la Meuse</description>
    <language>fr-be</language>
    <lastBuildDate>Fri, 20 Nov 2026 10:00:00 +0100</lastBuildDate>
    <item>
      <title>Le Pont de Liège</title>
      <description>Un pont, deux rives, et une ville qui se regarde.</description>
      <guid isPermaLink="false">MRSS-001</guid>
      <pubDate>Thu, 04 Mar 2021 20:00:00 +0100</pubDate>
      <media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" medium="video" duration="5430" />
      <media:thumbnail url="https://img.example.be/001-1280.jpg" />
    </item>
  </channel>
</rss>
`

/** Every deviation the adapter reads, and items it must skip. */
export const FULL_FEED = `\uFEFF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:media="http://search.yahoo.com/mrss"
     xmlns:dcterms="http://purl.org/dc/terms/">
  <channel>
    <title>Studio Meuse</title>
    <link>https://cms.example.be/</link>
    <description>Films de la Meuse</description>
    <language>fr</language>
    <item>
      <guid>https://cms.example.be/videos/Grand Format 1</guid>
      <title>RSS title, not used</title>
      <pubDate>2025-06-01T09:00:00Z</pubDate>
      <media:group>
        <media:content url="https://cdn.example.be/gf1/720.mp4" type="video/mp4" bitrate="2500" height="720" duration="5430" lang="nl" />
        <media:content url="https://cdn.example.be/gf1/master.m3u8" type="application/x-mpegURL" duration=" 5430.0 " lang="nl-BE" />
        <media:content url="https://cdn.example.be/gf1/1080.mp4" type="video/mp4" bitrate="5000" height="1080" duration="5430" />
        <media:title>Grand Format</media:title>
        <media:description type="html">&lt;p&gt;Une &lt;b&gt;histoire&lt;/b&gt;   de fleuve.&lt;/p&gt;</media:description>
        <media:thumbnail url="art/gf1-640.jpg" width="640" height="360" />
        <media:thumbnail url="art/gf1-1920.jpg" width="1920" height="1080" />
      </media:group>
      <media:category>Drama</media:category>
      <media:category scheme="urn:example:genres" label="Belgique">be</media:category>
      <media:keywords>comedy, liège, fleuve</media:keywords>
      <media:rating scheme="urn:mpaa">pg-13</media:rating>
      <media:credit role="director" scheme="urn:ebu">Ann Director</media:credit>
      <media:credit role="actor" scheme="urn:ebu">Bo Actor</media:credit>
      <media:credit role="lighting" scheme="urn:ebu">Cy Light</media:credit>
      <media:subTitle type="text/vtt" lang="nl" href="https://cdn.example.be/gf1/nl.vtt" />
      <media:subTitle type="application/ttml+xml" lang="fre" href="https://cdn.example.be/gf1/fr.ttml" />
      <dcterms:valid>start=2026-01-01T00:00:00Z; end=2027-12-31T23:59:59+01:00; scheme=W3C-DTF</dcterms:valid>
    </item>
    <item>
      <guid>ENC-002</guid>
      <title>Kust</title>
      <pubDate>Mon, 01 Jul 2019 10:00:00 GMT</pubDate>
      <enclosure url="https://cdn.example.be/kust.mp4" length="123456789" type="video/mp4" />
      <media:rating scheme="urn:v-chip">tv-y7</media:rating>
    </item>
    <item>
      <guid>DASH-003</guid>
      <title>Verlopen</title>
      <description><![CDATA[Een film <i>die</i> niet meer te zien is.]]></description>
      <pubDate>Sat, 12 Feb 2022 08:30:00 +0000</pubDate>
      <media:content url="https://cdn.example.be/003/manifest.mpd" type="application/dash+xml" duration="1:40:00" />
      <media:rating scheme="urn:sg">M18</media:rating>
      <dcterms:valid>start=2024-01-01; end=2025-01-01; scheme=W3C-DTF</dcterms:valid>
    </item>
    <item>
      <guid>ADULT-004</guid>
      <title>Nuit</title>
      <description>Pour adultes.</description>
      <media:content url="https://cdn.example.be/004.m3u8" />
      <media:rating>adult</media:rating>
    </item>
    <item>
      <guid>SIMPLE-005</guid>
      <title>Jour</title>
      <description>Pour tous.</description>
      <media:content url="https://cdn.example.be/005.m3u8" />
      <media:rating scheme="urn:simple">nonadult</media:rating>
    </item>
    <item>
      <title>Sans identifiant</title>
      <media:content url="https://cdn.example.be/006.m3u8" />
    </item>
    <item>
      <guid>SMOOTH-007</guid>
      <title>Lisse</title>
      <media:content url="https://cdn.example.be/007.ism/Manifest" type="application/vnd.ms-sstr+xml" />
    </item>
    <item>
      <guid>IMAGE-008</guid>
      <title>Une image</title>
      <media:content url="https://img.example.be/008.jpg" medium="image" type="image/jpeg" />
    </item>
    <item>
      <guid>NOTITLE-009</guid>
      <media:content url="https://cdn.example.be/009.m3u8" />
    </item>
  </channel>
</rss>
`

/** A feed using the media: and dcterms: prefixes without declaring them, as some exports do. */
export const UNDECLARED_FEED = `<?xml version="1.0"?>
<!-- exported by a CMS that forgets its namespaces -->
<rss version="2.0">
  <channel>
    <title>Kanaal Noord</title>
    <language>nl</language>
    <item>
      <guid>NOORD-1</guid>
      <title>Polder</title>
      <description>Wind &amp; water.</description>
      <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
      <media:content url="https://cdn.example.be/polder.m3u8" duration="3600" />
      <media:thumbnail url="https://img.example.be/polder.jpg" />
      <dcterms:valid>end=2030-01-01T00:00:00Z</dcterms:valid>
    </item>
  </channel>
</rss>
`

export const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Not RSS</title></feed>
`
