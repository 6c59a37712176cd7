export { type GatewayOptions, type RunningGateway, startGateway, SUPERGRAPH_PATH } from './server.js';
export { SUBSCRIPTION_SDL } from './subscriptions/ws.js';
