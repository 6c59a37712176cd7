/** The log position as a `reviewEvents` cursor: replay accepts exactly these (the shared event-log form). */
export { positionCursor } from '@tsp/shared';
