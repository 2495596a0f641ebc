/**
 * An operator's light palette (Polder Play's): no text drawn on the screen background or on a
 * panel may keep Lightning's default white, which is unreadable there. Templates read the theme
 * when a class is first built, so the palette is applied before anything is mounted.
 */
import { Lightning } from '@lightningjs/sdk'
import { applyBrandTheme } from '../../../src/brand/brandTheme'
import { theme } from '../../../src/components/theme'
import { validateAppSettings } from '../../../src/config/validate'
import polder from '../../../operators/polder-play/settings.json'
import Dialog from '../../../src/components/Dialog'
import MessagePanel from '../../../src/components/MessagePanel'
import PinDialog from '../../../src/components/PinDialog'
import Accessibility from '../../../src/screens/Accessibility'
import Diagnostics from '../../../src/screens/Diagnostics'
import NotFound from '../../../src/screens/NotFound'
import Profiles from '../../../src/screens/Profiles'
import Settings from '../../../src/screens/Settings'
import WhyAd from '../../../src/screens/WhyAd'
import type { AppContext } from '../../../src/app/context'
import ConsentOverlay from '../../../src/app/ConsentOverlay'
import Details from '../../../src/screens/Details'
import Guide from '../../../src/screens/Guide'
import Home from '../../../src/screens/Home'
import ProfileEdit, { ProfileList } from '../../../src/screens/ProfileEdit'
import Search from '../../../src/screens/Search'
import { fakeContext, fixtureCatalogue } from '../../harness/fakeContext'
import { mountApp } from '../../harness/mountApp'

const WHITE = 0xffffffff
/** White by design: a tile's offer badge, on the offer's own saturated colour. */
const WHITE_BY_DESIGN = /\.Badge\.Label$/

/** Refs of the text elements in a subtree still drawn in the default white. */
function whiteTexts(element: Lightning.Element, path = ''): string[] {
  const here = path ? `${path}.${element.ref ?? '?'}` : (element.ref ?? 'root')
  const own =
    element.texture instanceof Lightning.textures.TextTexture &&
    element.color === WHITE &&
    !WHITE_BY_DESIGN.test(here)
      ? [here]
      : []
  return own.concat(...element.children.map((child) => whiteTexts(child, here)))
}

beforeAll(() => {
  const { config } = validateAppSettings(polder.appSettings)
  applyBrandTheme(theme, config.brand)
  // The palette really is light: white would be unreadable on it.
  expect(theme.colors.onBackground).not.toBe(WHITE)
})

type Setup = (component: never, context: AppContext) => void
const bind = (screen: { bind(c: AppContext): void }, context: AppContext) => screen.bind(context)
const none = () => undefined

const cases: [string, Lightning.Component.Constructor, Setup][] = [
  ['Home', Home, bind],
  ['Settings', Settings, bind],
  ['Accessibility', Accessibility, bind],
  ['Diagnostics', Diagnostics, bind],
  ['Profiles', Profiles, bind],
  ['ProfileList', ProfileList, bind],
  ['ProfileEdit', ProfileEdit, (screen: ProfileEdit, context) => screen.bind(context, 'new')],
  ['WhyAd', WhyAd, bind],
  ['Search', Search, bind],
  ['Guide', Guide, bind],
  [
    'Details',
    Details,
    (screen: Details, context) => {
      screen.bind(context)
      screen.show(fixtureCatalogue().title('rosetta')!)
    },
  ],
  ['NotFound', NotFound, none],
  ['Dialog', Dialog, none],
  ['PinDialog', PinDialog, none],
  ['MessagePanel', MessagePanel, none],
  [
    'ConsentOverlay',
    ConsentOverlay,
    (overlay: ConsentOverlay, context) => {
      overlay.context = context
      void overlay.ask('first')
    },
  ],
]

test.each(cases)('%s draws no text in the default white', (_name, type, setup) => {
  const t = mountApp(type)
  setup(t.component as never, fakeContext())
  t.step()
  expect(whiteTexts(t.component)).toEqual([])
  t.destroy()
})
