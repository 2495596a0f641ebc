import {
  decodeEntities,
  htmlToText,
  xmlWithBareAmpersands,
  xmlWithNumericEntities,
} from '../../../src/catalogue/htmlText'

describe('htmlToText: titles and descriptions as feeds carry them', () => {
  test('CDATA markers leaked into a JSON text are dropped, their content kept', () => {
    expect(htmlToText('<![CDATA[<p>Een caf&eacute; in <b>Gent</b>.</p>]]>')).toBe(
      'Een café in Gent.',
    )
  })

  test('entities, tags, scripts and comments become plain text on one line', () => {
    expect(htmlToText('Tom &amp; Jerry &eacute;t&eacute;')).toBe('Tom & Jerry été')
    expect(
      htmlToText(
        '<div class="desc"><p>Paragraph one &mdash; <b>bold</b></p><script>alert(1)</script>' +
          '<style>p{color:red}</style><!-- note --><p>Two&nbsp;&hellip;</p></div>',
      ),
    ).toBe('Paragraph one — bold Two …')
    expect(htmlToText('meer.<br/>Tweede')).toBe('meer. Tweede')
  })

  test('text that only looks like HTML is kept as written', () => {
    expect(htmlToText('Fast & Furious')).toBe('Fast & Furious')
    expect(htmlToText('AT&T, 3 < 4 > 2')).toBe('AT&T, 3 < 4 > 2')
    expect(htmlToText('  Le   Pont\n de Liège ')).toBe('Le Pont de Liège')
    expect(htmlToText('&unknown; &#0; &#x1F3AC;')).toBe('&unknown; &#0; 🎬')
  })

  test('numeric references in decimal and hexadecimal', () => {
    expect(decodeEntities('caf&#233; &#xE9;t&#xe9;')).toBe('café été')
  })
})

describe('xmlWithNumericEntities: HTML entities an XML parser refuses', () => {
  test('named HTML entities become numeric references; XML’s own five stay', () => {
    const { source, replaced } = xmlWithNumericEntities(
      '<title>caf&eacute;&nbsp;noir &amp; &lt;b&gt; &quot;x&quot; &bogus;</title>',
    )
    expect(source).toBe('<title>caf&#233;&#160;noir &amp; &lt;b&gt; &quot;x&quot; &bogus;</title>')
    expect(replaced).toEqual(['eacute', 'nbsp'])
  })

  test('a document with an internal DOCTYPE subset declares its own and is left alone', () => {
    const xml = '<!DOCTYPE rss [<!ENTITY eacute "é">]><rss>&eacute;</rss>'
    expect(xmlWithNumericEntities(xml)).toEqual({ source: xml, replaced: [] })
  })
})

describe('xmlWithBareAmpersands: an "&" that starts no reference', () => {
  test('is escaped outside CDATA and comments; references, CDATA and comments stay as written', () => {
    const xml =
      '<t>R & B &amp; &#233; &#xE9;</t><u url="a?x=1&y=2"/><![CDATA[Tom & Jerry &amp;]]><!-- A & B -->'
    expect(xmlWithBareAmpersands(xml)).toEqual({
      source:
        '<t>R &amp; B &amp; &#233; &#xE9;</t><u url="a?x=1&amp;y=2"/><![CDATA[Tom & Jerry &amp;]]><!-- A & B -->',
      count: 2,
    })
  })

  test('a name XML does not know is text, unless a DOCTYPE may declare it', () => {
    expect(xmlWithBareAmpersands('<t>&bogus; &lt;</t>')).toEqual({
      source: '<t>&amp;bogus; &lt;</t>',
      count: 1,
    })
    const declared = '<!DOCTYPE t [<!ENTITY logo "Belgica">]><t>&logo;</t>'
    expect(xmlWithBareAmpersands(declared)).toEqual({ source: declared, count: 0 })
  })
})
