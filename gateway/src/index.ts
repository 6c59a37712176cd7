export { startGateway, SUPERGRAPH_PATH, type RunningGateway, type GatewayOptions } from './server.js';
export { SUBSCRIPTION_SDL } from './subscriptions/ws.js';
