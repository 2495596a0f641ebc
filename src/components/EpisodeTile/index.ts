export { default, EPISODE_TILE, type EpisodeTileModel } from './EpisodeTile'
