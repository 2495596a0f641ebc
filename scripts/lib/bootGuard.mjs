// A few lines of plain ES5 written first into every built index.html (dev build and packages).
// The app shows its own screens for wrong settings, but only once its bundle runs. Before that,
// the CLI's start-up code and the inlined settings fail silently: a settings.json that is not JSON
// (dev build, fetched at start) or a syntax error in a package's inlined settings left a black or
// white page, with nothing for the household to read. The guard listens for such an error, and
// for a script file that does not load, until the app has put its canvas on the page; then it
// says what happened in the box's language, with the technical reason below for the operator.

const MESSAGES = {
  fr: [
    "L'application n'a pas pu démarrer.",
    'Redémarrez le décodeur. Si ce message revient, contactez votre opérateur.',
    'Réglages illisibles (settings.json)',
    'Fichier manquant',
    'Chargement…',
  ],
  nl: [
    'De app kon niet starten.',
    'Herstart de decoder. Komt deze melding terug, neem dan contact op met uw operator.',
    'Instellingen onleesbaar (settings.json)',
    'Bestand ontbreekt',
    'Laden…',
  ],
  de: [
    'Die App konnte nicht starten.',
    'Starten Sie den Decoder neu. Erscheint diese Meldung wieder, wenden Sie sich an Ihren Anbieter.',
    'Einstellungen unlesbar (settings.json)',
    'Datei fehlt',
    'Wird geladen…',
  ],
  en: [
    'The app could not start.',
    'Restart the box. If this message comes back, contact your operator.',
    'Settings could not be read (settings.json)',
    'Missing file',
    'Loading…',
  ],
}

// ASCII only: the guard comes before the page's <meta charset>, which must be in its first 1024 bytes.
const asciiJson = (value) =>
  JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/** The guard's source: ES5 only (the es5 package checks its inline scripts). */
export const BOOT_GUARD_SCRIPT = `(function () {
  var texts = ${asciiJson(MESSAGES)};
  var shown = false;
  function started() { return !!document.querySelector('canvas'); }
  function pick() {
    var tag = String(navigator.language || 'fr').slice(0, 2).toLowerCase();
    return texts[tag] || texts.fr;
  }
  function show(reason, afterStart) {
    if (shown || (started() && !afterStart)) return;
    shown = true;
    endSplash();
    var t = pick();
    var box = document.createElement('div');
    box.id = 'belgica-boot-error';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;left:10%;top:30%;width:80%;font:32px sans-serif;color:#f4f4f4;background:#0b0f14;padding:48px;box-sizing:border-box;z-index:9';
    var lines = [[t[0], '44px'], [t[1], '32px'], [reason(t), '22px']];
    for (var i = 0; i < lines.length; i++) {
      var line = document.createElement('p');
      line.style.cssText = 'margin:0 0 24px 0;font-size:' + lines[i][1] + (i === 2 ? ';color:#9aa4ae' : '');
      line.appendChild(document.createTextNode(lines[i][0]));
      box.appendChild(line);
    }
    document.documentElement.style.background = '#0b0f14';
    (document.body || document.documentElement).appendChild(box);
  }
  function fromError(error, fallback, file) {
    var text = String((error && error.message) || fallback || error || '');
    // JSON.parse of a fetched settings.json, or a syntax error in the page's own inlined settings.
    var settings = /JSON|settings/i.test(text) || (!!error && error.name === 'SyntaxError' && !/\\.js$/.test(file));
    return function (t) { return (settings ? t[2] + ': ' : '') + text.slice(0, 200); };
  }
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && target.tagName === 'SCRIPT') {
      var src = target.getAttribute('src');
      show(function (t) { return t[3] + ': ' + src; });
      return;
    }
    var file = String(event.filename || '').split('#')[0].split('?')[0];
    show(fromError(event.error, event.message, file));
  }, true);
  // For the app's start watch (src/app/startWatch.ts): a file the SDK needs before the app is
  // made, missing once the canvas is up.
  window.belgicaBootError = function (file) {
    show(function (t) { return t[3] + ': ' + file; }, true);
  };
  window.addEventListener('unhandledrejection', function (event) {
    show(fromError(event.reason, '', ''));
  });
  // A loading line from the first frame: on a slow box the scripts, fonts and translations take
  // seconds before the app draws anything, and a black screen looks like a box that hangs. Above
  // the canvas (z-index 2), which is black from its first frame; the app takes it away once made.
  window.belgicaSplash = function () {
    if (shown || document.getElementById('belgica-splash')) return;
    var box = document.createElement('div');
    box.id = 'belgica-splash';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;left:0;top:46%;width:100%;text-align:center;font:32px sans-serif;color:#9aa4ae;z-index:3';
    box.appendChild(document.createTextNode(pick()[4]));
    document.body.appendChild(box);
  };
  function endSplash() {
    var box = document.getElementById('belgica-splash');
    if (box && box.parentNode) box.parentNode.removeChild(box);
  }
  window.belgicaStarted = endSplash;
})();`

const SPLASH_TAG = '<script>window.belgicaSplash && window.belgicaSplash()</script>'

/**
 * Puts the guard in `html`'s head before any other script, after its <meta charset> (kept within
 * the first 1024 bytes, where the browser looks for it), and the loading line first in its body,
 * before the app's scripts load; unchanged when the guard is there already.
 */
export function withBootGuard(html) {
  if (html.includes('belgica-boot-error')) return html
  const tag = `<script>${BOOT_GUARD_SCRIPT}</script>`
  const charset = /<meta\s+charset=[^>]*>/i
  const guarded = charset.test(html)
    ? html.replace(charset, (meta) => `${meta}\n        ${tag}`)
    : html.replace(/<head>/i, `<head>\n        ${tag}`)
  return guarded.replace(/<body[^>]*>/i, (body) => `${body}\n        ${SPLASH_TAG}`)
}
