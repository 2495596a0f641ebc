import { Lightning } from '@lightningjs/sdk'
import Home from '../../../../src/screens/Home'

/** Stands in for the App in Home's tests: holds Home, focused, and receives what it sends up. */
export class HomeHost extends Lightning.Component {
  exitRequests = 0

  static override _template() {
    return { Home: { type: Home } }
  }

  get home(): Home {
    return this.tag('Home') as Home
  }

  override _getFocused() {
    return this.tag('Home')
  }

  $requestExit() {
    this.exitRequests++
  }
}
