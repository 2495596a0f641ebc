export { default, type WhyAdSnapshot } from './WhyAd'
