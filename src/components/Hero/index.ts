export { default } from './Hero'
export { heroModel, metaLine, type HeroModel } from './heroModel'
