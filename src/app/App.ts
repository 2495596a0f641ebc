import { Lightning } from '@lightningjs/sdk'

export default class App extends Lightning.Component {
  static override _template() {
    return {
      rect: true, w: 1920, h: 1080, color: 0xff101820,
      Label: { x: 100, y: 100, text: { text: 'Hello Belgica', fontSize: 64 } },
    }
  }
}
