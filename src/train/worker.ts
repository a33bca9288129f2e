/// <reference lib="webworker" />
/** The training worker: a {@link createTrainerHost} that talks to the page by messages. */
import { createTrainerHost } from './host';
import type { Command, Report } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const host = createTrainerHost(
  (r: Report) => self.postMessage(r),
  () => self.close(),
);
self.onmessage = (event: MessageEvent<Command>) => host(event.data);
