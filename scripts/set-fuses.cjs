// electron-builder afterPack hook: flips Electron's fuses in the packaged binary so the
// shipped app cannot be turned into a general-purpose Node runtime.
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

const EXECUTABLE = {
  darwin: (context) => path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`),
  win32: (context) => path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.exe`),
  linux: (context) => path.join(context.appOutDir, context.packager.executableName)
}

module.exports = async function setFuses(context) {
  const platform = context.electronPlatformName
  await flipFuses(EXECUTABLE[platform](context), {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
  })
}
