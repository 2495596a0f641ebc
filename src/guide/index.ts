export type { GuideLoad, GuideSource, Programme } from './contract'
export {
  catchupUrl,
  daySlots,
  DEFAULT_TIMESHIFT_MS,
  nowAndNext,
  programmeAt,
  replayState,
  restartOffsetSeconds,
  slotStart,
  SLOT_MS,
  type ReplayInfo,
  type ReplayReason,
  type ReplayState,
} from './helpers'
export {
  builtInGuideSources,
  createGuideSource,
  GuideSourceRegistry,
  type GuideHost,
  type GuideSettings,
  type GuideSourceFactory,
} from './sources'
export { brusselsTime, fromBrussels } from './zone'
