import type { Translate } from '../catalogue/offers'
import type { ConfigProblem } from '../config/validate'

/** Problems named on the box's screen; the rest are counted, and show once these are fixed. */
export const SHOWN_PROBLEMS = 4
/** A problem past this many characters is cut, so four of them and the help fit the panel. */
export const PROBLEM_CHARS = 118

const clip = (text: string): string =>
  text.length > PROBLEM_CHARS ? `${text.slice(0, PROBLEM_CHARS - 1)}…` : text

/** The config screen's message: the first problems by path, how many more, what to do. */
export function configErrorText(problems: readonly ConfigProblem[], t: Translate): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => clip(`${p.path}: ${p.message}`))
  const more = problems.length - shown.length
  return [
    ...shown,
    ...(more > 0 ? [t('error.config.more', { n: more })] : []),
    t('error.config.help'),
  ].join('\n')
}
