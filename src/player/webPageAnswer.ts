import { PlaybackErrorCode, type PlaybackError } from './errors'

/**
 * Whether a manifest request was answered with a web page: a CDN's error page sent with 200, a
 * login or captive portal, a landing page where the stream's URL should be. Shaka then fails on
 * it as on broken XML ("XML is too deeply nested", from HTML's unclosed elements), which tells the
 * operator nothing; the session names it instead. Only the head of the answer is looked at.
 */
const WEB_PAGE =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i

export function looksLikeWebPage(text: string): boolean {
  return WEB_PAGE.test(text.slice(0, 4096))
}

/** A stream whose description was a web page: a manifest problem, named for the operator. */
export function webPageFailure(uri: string): PlaybackError {
  return {
    code: PlaybackErrorCode.MANIFEST,
    category: 'manifest',
    severity: 'critical',
    detail: `the server answered with a web page (HTML), not the stream description: an error, login or portal page? (${uri})`,
  }
}
