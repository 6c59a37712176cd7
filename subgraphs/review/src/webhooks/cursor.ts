import { encodeCursor } from '@tsp/shared';

/** The log position as a `reviewEvents` cursor: replay accepts exactly these. */
export const positionCursor = (position: number): string => encodeCursor(String(position));
