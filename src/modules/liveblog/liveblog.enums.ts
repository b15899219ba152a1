import { registerEnumType } from 'type-graphql';
import { EntryChange } from '../../events/live-events';

/** Whether a liveblog is still being written: an ended one stays readable and takes no more entries. */
export enum LiveblogState {
  LIVE = 'LIVE',
  ENDED = 'ENDED',
}

registerEnumType(LiveblogState, {
  name: 'LiveblogState',
  description: 'Whether a liveblog is still being written (LIVE) or closed to new entries (ENDED).',
  valuesConfig: {
    LIVE: { description: 'Being written: entries are still being added.' },
    ENDED: { description: 'Closed: readable, but it takes no more entries.' },
  },
});

registerEnumType(EntryChange, {
  name: 'LiveblogEntryChangeKind',
  description: 'What happened to a liveblog entry.',
  valuesConfig: {
    ADDED: { description: 'Posted.' },
    UPDATED: { description: 'Corrected.' },
    REMOVED: { description: 'Taken down.' },
  },
});

export { EntryChange };
