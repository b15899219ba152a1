import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { unstorableText, wrongTransport } from '../errors/errors';
import type { QueryLimiter } from './limits';
import type { RequestMeter } from './meter';
import { refusalError, type Budgets } from './rate-limit';
import { StorableText } from './text';

/**
 * What an operation must pass before anything of it runs: its transport, storable text, its shape and
 * cost against the limits, and the cost charged to the client's budget (less the point the HTTP layer
 * charged on arrival). Apollo's protection plugin admits each operation it resolves, and the HTTP layer
 * admits a known document's request itself (KnownDocuments). A request is admitted once: a known
 * document's request that goes on through Apollo gets the same outcome again, and is charged once.
 */
export class Admission {
  private readonly text = new StorableText();

  constructor(
    private readonly limiter: QueryLimiter,
    private readonly budgets: Budgets,
  ) {}

  /** Throws the refusal (400 or 429) of an operation that may not run; charges the budget otherwise. */
  admit(meter: RequestMeter, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Promise<void> {
    return (meter.admission ??= this.measure(meter, document, operation, variables));
  }

  private async measure(meter: RequestMeter, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Promise<void> {
    meter.operation = operation.name?.value ?? null;
    if (operation.operation === 'subscription') throw wrongTransport('Subscriptions run over the WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.');
    if (this.text.refuses(document, variables)) throw unstorableText();
    const measure = this.limiter.check(document, operation, variables);
    meter.cost = measure.cost;
    // The HTTP layer charged the first point.
    if (this.budgets.enabled && measure.cost > 1) {
      const charge = (await this.budgets.charge(meter.payer, measure.cost - 1))!;
      if (charge.refused) throw refusalError(charge);
      meter.rate = charge.state;
    }
  }
}
