export { default } from './Hero'
export { heroModel, metaLine, type HeroModel } from './heroModel'
export { INFO_BOTTOM as HERO_INFO_BOTTOM } from './heroLayout'
