export { startGateway, SUPERGRAPH_PATH, type RunningGateway, type GatewayOptions } from './server.js';
