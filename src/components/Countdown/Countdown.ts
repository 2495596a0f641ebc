import { Lightning } from '@lightningjs/sdk'
import { textStyle, theme } from '../theme'

/** "Next episode in 8 s" with what OK and Back do. Handles no keys: the player screen does. */
export default class Countdown extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return {
      w: 620,
      h: 150,
      rect: true,
      color: 0xee10161d,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 20 },
      Heading: {
        x: 32,
        y: 24,
        color: theme.colors.accent,
        ...textStyle(30, { fontStyle: 'bold' }),
      },
      Title: { x: 32, y: 66, ...textStyle(26, { wordWrapWidth: 556, maxLines: 1 }) },
      Hint: { x: 32, y: 106, color: theme.colors.textDim, ...textStyle(22) },
    }
  }

  set content(content: { heading: string; title: string; hint: string }) {
    this.tag('Heading').text.text = content.heading
    this.tag('Title').text.text = content.title
    this.tag('Hint').text.text = content.hint
  }
}
