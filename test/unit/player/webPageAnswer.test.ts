import { looksLikeWebPage, webPageFailure } from '../../../src/player/webPageAnswer'

describe('a manifest answered with a web page', () => {
  test.each([
    '<!DOCTYPE html><html><head>',
    '\n  <!doctype HTML>\n<html lang="fr">',
    '<html>\n<head><title>502 Bad Gateway</title></head>',
    '<?xml version="1.0"?>\n<!-- portal -->\n<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head><meta http-equiv="refresh" content="0; url=/login"></head>',
    '<body>Access denied</body>',
  ])('is told from a stream description: %j', (text) => {
    expect(looksLikeWebPage(text)).toBe(true)
  })

  test.each([
    '<?xml version="1.0" encoding="UTF-8"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011">',
    '<!-- packager: html5 ready -->\n<MPD type="static">',
    '<mpd:MPD xmlns:mpd="urn:mpeg:dash:schema:mpd:2011"><mpd:Period><html>',
    '#EXTM3U\n#EXT-X-VERSION:3',
    '',
  ])('a manifest is not: %j', (text) => {
    expect(looksLikeWebPage(text)).toBe(false)
  })

  test('is a manifest problem whose detail names the page and the address', () => {
    expect(webPageFailure('https://cdn.example/f/manifest.mpd')).toEqual({
      code: 2003,
      category: 'manifest',
      severity: 'critical',
      detail: expect.stringMatching(
        /web page \(HTML\).*\(https:\/\/cdn\.example\/f\/manifest\.mpd\)$/,
      ),
    })
  })
})
