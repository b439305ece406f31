declare module 'simple-peer/simplepeer.min.js' {
  const SimplePeer: unknown
  export default SimplePeer
}
