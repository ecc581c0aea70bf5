import path from 'node:path';

/** The WSDL both the client and the simulator use. */
export const WSDL_PATH = path.join(__dirname, 'population.wsdl');
