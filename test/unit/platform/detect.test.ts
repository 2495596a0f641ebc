import { detectPlatform } from '../../../src/platform/detect'

// Real user-agent strings, as the devices send them.
const UA = {
  webOs3:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) QtWebEngine/5.2.1 Chrome/38.0.2125.122 Safari/537.36 WebAppManager',
  webOs4:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 WebAppManager',
  webOs6:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager',
  netCast2012:
    'Mozilla/5.0 (DirectFB; Linux armv7l) AppleWebKit/534.26+ (KHTML, like Gecko) Version/5.0 Safari/534.26+ LG Browser/5.00.00(+mouse+3D+SCREEN+TUNER; LGE; 42LM670T-ZA; 04.41.03; 0x00000001;); LG NetCast.TV-2012 0',
  tizen24:
    'Mozilla/5.0 (SMART-TV; Linux; Tizen 2.4.0) AppleWebkit/538.1 (KHTML, like Gecko) SamsungBrowser/1.1 TV Safari/538.1',
  tizen50:
    'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/5.0 TV Safari/537.36',
  tizen60:
    'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36',
  shield:
    'Mozilla/5.0 (Linux; Android 9; SHIELD Android TV Build/PPR1.180610.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/74.0.3729.136 Mobile Safari/537.36',
  bravia:
    'Mozilla/5.0 (Linux; Android 12; BRAVIA 4K VH2 Build/STT2.230203.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Safari/537.36',
  fireTv:
    'Mozilla/5.0 (Linux; Android 9; AFTMM Build/PS7233; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/70.0.3538.110 Mobile Safari/537.36',
  chromecastGoogleTv:
    'Mozilla/5.0 (Linux; Android 12.0; Build/STTE.230319.008.H1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0.4515.159 Safari/537.36 CrKey/1.56.500000 DeviceType/AndroidTV',
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:92.0) Gecko/20100101 Firefox/92.0',
  firefoxWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  pixelChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36',
  samsungPhone:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
}

describe('detectPlatform', () => {
  test.each([
    ['webOS 3', UA.webOs3],
    ['webOS 4', UA.webOs4],
    ['webOS 6', UA.webOs6],
    ['NetCast 2012', UA.netCast2012],
  ])('an LG %s TV is webos', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('webos')
  })

  test.each([
    ['Tizen 2.4', UA.tizen24],
    ['Tizen 5.0', UA.tizen50],
    ['Tizen 6.0', UA.tizen60],
  ])('a Samsung %s TV is tizen', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('tizen')
  })

  test.each([
    ['NVIDIA Shield (Android TV)', UA.shield],
    ['Sony Bravia (Google TV)', UA.bravia],
    ['Fire TV Stick 4K', UA.fireTv],
    ['Chromecast with Google TV', UA.chromecastGoogleTv],
  ])('a %s is android', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('android')
  })

  test.each([
    ['Chrome on Windows', UA.chromeWindows],
    ['Chrome on macOS', UA.chromeMac],
    ['Firefox on Linux', UA.firefoxLinux],
    ['Firefox on Windows', UA.firefoxWindows],
    ['Safari on iPhone', UA.iPhone],
    ['Chrome on an Android phone', UA.pixelChrome],
    ['Samsung Internet on a Galaxy phone', UA.samsungPhone],
  ])('%s is a browser', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('browser')
  })

  test('an empty or unknown user agent is a browser', () => {
    expect(detectPlatform('')).toBe('browser')
    expect(detectPlatform('curl/8.5.0')).toBe('browser')
  })
})
