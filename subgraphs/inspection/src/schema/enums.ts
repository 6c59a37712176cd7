import { registerEnumType } from 'type-graphql';

import { ItemAction } from '../rules/items.js';

/** The GraphQL names of this subgraph's enums: import them from here so they are registered before use. */
export { ItemAction };

registerEnumType(ItemAction, {
  name: 'InspectionItemAction',
  description: '检查事项变更类型 What a version of an inspection item did',
  valuesConfig: {
    ADDED: { description: '新增 added to the list' },
    CHANGED: { description: '修改 changed' },
    RETIRED: { description: '移出清单 taken off the list' },
  },
});
