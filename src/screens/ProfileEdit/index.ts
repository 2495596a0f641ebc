export { default, type ProfileEditSnapshot } from './ProfileEdit'
export { default as ProfileList, type ProfileListSnapshot } from './ProfileList'
