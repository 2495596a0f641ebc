import { Lightning } from '@lightningjs/sdk'
import Details from '../../../../src/screens/Details'

/** The details screen mounted alone and focused, as the Router would show it; toasts are kept. */
export class DetailsHost extends Lightning.Component {
  toasts: string[] = []

  static override _template() {
    return { Details: { type: Details } }
  }

  get details(): Details {
    return this.tag('Details') as Details
  }

  override _getFocused() {
    return this.tag('Details')
  }

  $toast(message: string): void {
    this.toasts.push(message)
  }
}
