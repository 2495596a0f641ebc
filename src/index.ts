import { Launch } from '@lightningjs/sdk'
import App from './app/App'

export default function (...args: unknown[]) {
  return (Launch as (...a: unknown[]) => unknown)(App, ...args)
}
