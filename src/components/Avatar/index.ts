export { default } from './Avatar'
export { default as AvatarRow } from './AvatarRow'
export { avatarModel, profileName, type AvatarModel } from './avatarModel'
