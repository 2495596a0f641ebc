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
  // HbbTV browsers of TVs (the first two also say Web0S / Andr0id: HbbTV must win).
  hbbtvLgWebOs6:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 HbbTV/1.5.1 (+DRM; LGE; 75UP81003LR; WEBOS6.0 03.40.82; W60_K7LP; DTV_W21P;)',
  hbbtvSony:
    'Mozilla/5.0 (Linux; Andr0id 10; BRAVIA VH1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/84.0.4147.125 Safari/537.36 OPR/46.0.2207.0 OMI/4.21.0.273.DIA6.228 HbbTV/1.5.1 (+DRM; Sony; KE-65XH9096; PKG6.2126.0237EUA; ; com.sony.HE.G4.4K; ) sony.hbbtv.tv.G4.2020HE.4K LaTivu_1.0.1_2021',
  hbbtvPhilips:
    'Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.91 Safari/537.36 HbbTV/1.5.1 (+DRM; Philips; 32PFS6855/12; 202.003.188.011; ; _TV_MT9288_2020;) FVC/4.0 (Philips; com.tpv-tech.TPM207E;) LaTivu_1.0.1_2020',
  hbbtvVestel:
    'Mozilla/5.0 (Linux ) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.120 Safari/537.36 OPR/46.0.2207.0 OMI/4.20.5.61.LIMA.179 Model/Vestel-MB180 VSTVB MB100 FVC/5.0 (LUXOR; MB180; ) HbbTV/1.5.1 (+DRM; LUXOR; MB180; 1.64.1.0; ; _TV_G32_2020;) SmartTvA/3.0.0',
  hbbtvPanasonic2013: 'HbbTV/1.2.1 (;Panasonic;VIERA 2013;3.885;2101-0003 0008-0000;)',
  hbbtvPhilipsOpera:
    'Opera/9.80 (Linux armv7l; HbbTV/1.2.1 (; Philips; 40HFL5010T12; ; PHILIPSTV; CE-HTML/1.0 NETTV/4.4.1 SmartTvA/3.0.0 Firmware/004.002.036.135 (PhilipsTV, 3.1.1,)en) ) Presto/2.12.407 Version/12.50',
  // RDK boxes (WPE WebKit).
  rdkReference:
    'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/601.1 (KHTML, like Gecko) Version/8.0 Safari/601.1 WPE',
  rdkComcast:
    'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/601.1 (KHTML, like Gecko) Version/8.0 Safari/601.1 WPE comcast/ipstb (comcast, 1.0.0.0)',
  rdkSky:
    'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/601.1 (KHTML, like Gecko) Version/8.0 Safari/601.1 WPE Sky_OTT_RTD1319_2020/1.0.0 (Sky, XiOneUK, Wired)',
  wpeOrangeStb:
    'Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.4 Safari/605.1.15 WPE/2.40.0 SOPOpenBrowser/2.40.0 Model/WHD95 Firmware/01.10.03',
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
    ['LG webOS 6 HbbTV browser', UA.hbbtvLgWebOs6],
    ['Sony Bravia HbbTV browser', UA.hbbtvSony],
    ['Philips HbbTV 1.5 browser', UA.hbbtvPhilips],
    ['Vestel (Luxor) HbbTV browser', UA.hbbtvVestel],
    ['Panasonic Viera 2013', UA.hbbtvPanasonic2013],
    ['Philips Opera HbbTV 1.2', UA.hbbtvPhilipsOpera],
  ])('a %s is hbbtv', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('hbbtv')
  })

  test.each([
    ['RDK reference WPE', UA.rdkReference],
    ['Comcast X1 (WPE)', UA.rdkComcast],
    ['Sky (WPE)', UA.rdkSky],
    ['Orange STB6 (WPE 2.40)', UA.wpeOrangeStb],
  ])('a %s box is rdk', (_, userAgent) => {
    expect(detectPlatform(userAgent)).toBe('rdk')
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
