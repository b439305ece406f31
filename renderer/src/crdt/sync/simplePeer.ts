/**
 * simple-peer, as y-webrtc loads it: its prebuilt browser bundle, which brings its own stream
 * and Buffer code. Tests in Node pass @roamhq/wrtc as `wrtc`.
 */
import type SimplePeerType from 'simple-peer'
import SimplePeerBundle from 'simple-peer/simplepeer.min.js'

export type SimplePeer = SimplePeerType.Instance
export type SignalData = SimplePeerType.SignalData
export const SimplePeer = SimplePeerBundle as unknown as typeof SimplePeerType
