// The minting moved to the platform (issue 18: the gateway's development sign-in for the dashboard
// mints with it too); the scripts and tests keep importing it from here.
export { mintDevToken, type DevTokenOptions } from '../../platform/dev-token';
