export { default, type ProfilesSnapshot } from './Profiles'
